import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request as sendRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFrontServer } from "./create-front-server";
import { createNextThreadProxy } from "./proxy-to-next-thread";

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let folder = "";
let upstream: Server;
let front: Server;
let baseUrl = "";
const seen: SeenRequest[] = [];
let upstreamClosedEarly = 0;

// A real HTTP server on a Unix socket, standing where the Next.js thread
// listens in production.
function startUpstream(socketPath: string): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });

      if (request.url === "/slow") {
        response.on("close", () => {
          if (!response.writableFinished) {
            upstreamClosedEarly += 1;
          }
        });
        response.writeHead(200, { "content-type": "text/plain" });
        response.write("first part ");
        return;
      }

      response.writeHead(201, { "content-type": "text/plain", "set-cookie": ["a=1; Path=/", "b=2; Path=/"], "x-upstream": "yes" });
      response.write("streamed ");
      response.end("reply");
    });
  });
  return new Promise((resolve) => server.listen(socketPath, () => resolve(server)));
}

function listenOnLoopback(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "bit6-console-proxy-test-"));
  const socketPath = path.join(folder, "next.sock");
  upstream = await startUpstream(socketPath);
  front = createFrontServer({ trustedProxies: 0, fallback: createNextThreadProxy(socketPath) });
  baseUrl = await listenOnLoopback(front);
});

afterAll(async () => {
  front.closeAllConnections();
  upstream.closeAllConnections();
  await new Promise((resolve) => front.close(resolve));
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

describe("createNextThreadProxy", () => {
  it("passes requests with X-Forwarded-For", async () => {
    const response = await fetch(`${baseUrl}/apps/abc/keys?tab=all`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.9", cookie: "session=1" },
      body: "label=Server",
    });
    await response.text();

    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: "POST", url: "/apps/abc/keys?tab=all", body: "label=Server" });
    expect(request.headers.cookie).toBe("session=1");
    expect(request.headers.host).toBe(new URL(baseUrl).host);
    expect(request.headers["x-forwarded-for"]).toBe("203.0.113.9, 127.0.0.1");
  });

  it("relays status, cookies and body", async () => {
    const response = await fetch(`${baseUrl}/sign-in`);

    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(response.headers.get("x-upstream")).toBe("yes");
    expect(await response.text()).toBe("streamed reply");
  });

  it("cancels upstream when client leaves", async () => {
    await new Promise<void>((resolve, reject) => {
      const request = sendRequest(`${baseUrl}/slow`, (response) => {
        response.once("data", () => {
          request.destroy();
          resolve();
        });
      });
      request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
      request.end();
    });

    await expect.poll(() => upstreamClosedEarly, { timeout: 5_000 }).toBe(1);
  });

  it("answers 502 without the thread", async () => {
    const lonely = createFrontServer({ trustedProxies: 0, fallback: createNextThreadProxy(path.join(folder, "missing.sock")) });
    const lonelyUrl = await listenOnLoopback(lonely);

    const response = await fetch(`${lonelyUrl}/sign-in`);

    expect(response.status).toBe(502);
    expect(await response.text()).toContain("page server did not respond");
    lonely.closeAllConnections();
    await new Promise((resolve) => lonely.close(resolve));
  });
});
