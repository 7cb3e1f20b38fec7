import "server-only";

import { Agent, request as sendRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";

import { logger } from "@/lib/log/logger";

import type { FallbackHandler } from "./create-front-server";

// Headers that describe one connection, not the request: the agent sets its
// own toward the Next.js thread, and Node.js sets them toward the client.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "upgrade"]);

// How long a connection to the Next.js thread may sit idle. server/next-thread.ts
// keeps them for 65 seconds.
export const NEXT_THREAD_IDLE_MS = 30_000;

// Passes requests to the Next.js server that server/next-thread.ts runs on a
// Unix socket, and streams its replies back. The request keeps its headers,
// including the X-Forwarded-For entry that the front appended, so Next.js
// gets the client's address as it would behind any proxy. WebSocket upgrades
// are not passed on: the production build serves none.
export function createNextThreadProxy(socketPath: string): FallbackHandler {
  // Idle connections close after NEXT_THREAD_IDLE_MS, well before the
  // Next.js thread's server closes them, so no request is sent on a
  // connection that the server is closing.
  const agent = new Agent({ keepAlive: true, timeout: NEXT_THREAD_IDLE_MS });

  return (request, response) => {
    const upstream = sendRequest({ socketPath, agent, method: request.method, path: request.url, headers: withoutHopByHop(request.headers) });

    // A client that goes away, as a browser does with a cancelled prefetch,
    // stops the work in the Next.js thread too. The error that this raises
    // on the request to Next.js is expected, not a failure.
    let clientLeft = false;
    response.on("close", () => {
      if (!response.writableFinished) {
        clientLeft = true;
        upstream.destroy();
      }
    });

    upstream.on("response", (reply) => relayReply(reply, response));
    upstream.on("error", (error) => {
      if (!clientLeft) {
        failProxy(response, error);
      }
    });

    request.pipe(upstream);
  };
}

function relayReply(reply: IncomingMessage, response: ServerResponse): void {
  response.writeHead(reply.statusCode ?? 502, reply.statusMessage, withoutHopByHop(reply.headers));
  reply.pipe(response);
  reply.on("error", (error) => response.destroy(error));
}

function failProxy(response: ServerResponse, error: Error): void {
  logger.error({ err: error }, "failed to pass a request to the Next.js thread");
  if (response.headersSent) {
    response.destroy(error);
    return;
  }

  response.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  response.end("the console's page server did not respond: try again in a few seconds\n");
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const forwarded: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name)) {
      forwarded[name] = value;
    }
  }
  return forwarded;
}
