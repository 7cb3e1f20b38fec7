import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";
import pg from "pg";

import { createApp, signUp } from "./support/accounts";
import { startConsoleServer } from "./support/console-server";
import { enableDemoEndpoint, requestDemoToken } from "./support/demo";
import { createKeyInConsole } from "./support/keys";
import { requirePostgres, sharedDatabaseEnv } from "./support/postgres-only";

// Key usage is written once a minute (USAGE_FLUSH_INTERVAL_MS), so counts
// that reach the database right after SIGTERM were written by the shutdown.
test.describe("graceful shutdown", () => {
  requirePostgres();

  test("SIGTERM writes key usage and audit events", async ({ page }) => {
    await signUp(page);
    const appId = await createApp(page, "Shutdown");
    const { keyId } = await createKeyInConsole(page, appId, "shutdown key");
    await enableDemoEndpoint(page, appId);
    const instance = await startConsoleServer({ env: sharedDatabaseEnv(), logPath: path.resolve("test-results", "shutdown-instance.log") });

    for (let request = 0; request < 3; request += 1) {
      expect((await requestDemoToken(instance.baseURL, appId)).status).toBe(200);
    }
    const exitCode = await instance.stop("SIGTERM");

    expect(exitCode).toBe(0);
    expect(instance.readLog()).toContain("console stopped: queues written and database closed");
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    try {
      const usage = await client.query<{ tokens: string }>(`SELECT coalesce(sum("tokenCount"), 0) AS tokens FROM "KeyUsage" WHERE "keyId" = $1`, [keyId]);
      const events = await client.query<{ count: string }>(`SELECT count(*) AS count FROM "AuditEvent" WHERE "appId" = $1 AND action = 'token.demo_minted'`, [appId]);
      expect(Number(usage.rows[0]?.tokens)).toBe(3);
      expect(Number(events.rows[0]?.count)).toBe(3);
    } finally {
      await client.end();
    }
  });
});

// Seeds a fresh embedded database with an app and a key, through the same
// script the benchmark uses, and returns the key's credentials.
function seedEmbeddedDatabase(dataDir: string): { keyId: string; secret: string } {
  const output = execFileSync(process.execPath, ["--conditions", "react-server", "--import", "tsx", "scripts/bench/seed-bench-data.ts"], {
    env: { ...process.env, CONSOLE_DATA_DIR: dataDir, DATABASE_URL: "", CONSOLE_ENCRYPTION_KEY: "", LOG_LEVEL: "error" },
    encoding: "utf8",
  });
  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as { keyId: string; secret: string };
}

// Sends a token API request whose body arrives in two parts, with `between`
// run after the first, and resolves with the raw HTTP response.
function sendSplitRequest(baseURL: string, authorization: string, between: () => Promise<void>): Promise<string> {
  const { hostname, port } = new URL(baseURL);
  const body = JSON.stringify({ identity: "alice", device: "web1", grants: "chat", ttl: 600 });
  const head = [
    "POST /api/v2/tokens HTTP/1.1",
    `Host: ${hostname}:${port}`,
    `Authorization: ${authorization}`,
    "Content-Type: application/json",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    "",
    "",
  ].join("\r\n");

  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let response = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (response += chunk));
    socket.on("end", () => resolve(response));
    socket.on("error", reject);
    socket.on("connect", () => {
      socket.write(head + body.slice(0, 10));
      between().then(
        () => socket.write(body.slice(10)),
        (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      );
    });
  });
}

test.describe("graceful shutdown with a request in flight", () => {
  test("SIGTERM lets an in-flight request finish", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "bit6-console-shutdown-"));
    try {
      const { keyId, secret } = seedEmbeddedDatabase(dataDir);
      const instance = await startConsoleServer({
        env: { CONSOLE_DATA_DIR: dataDir, DATABASE_URL: "", CONSOLE_ENCRYPTION_KEY: "" },
        logPath: path.resolve("test-results", "in-flight-shutdown.log"),
      });
      const authorization = `Basic ${Buffer.from(`${keyId}:${secret}`).toString("base64")}`;
      let stopped: Promise<number | null> | undefined;

      const response = await sendSplitRequest(instance.baseURL, authorization, async () => {
        stopped = instance.stop("SIGTERM");
        // Long enough for the server to take the signal and stop listening.
        await new Promise((resolve) => setTimeout(resolve, 500));
      });

      expect(response).toMatch(/^HTTP\/1\.1 201 /);
      expect(response).toContain('"token":"');
      expect(await stopped).toBe(0);
      expect(instance.readLog()).toContain("console stopped: queues written and database closed");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
