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
