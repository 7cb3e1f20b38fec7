import path from "node:path";

import { expect, test } from "@playwright/test";

import { findPostgresBinDir, startPostgresCluster, type PostgresCluster } from "../lib/testing/postgres-cluster";
import { createTestDatabase } from "../lib/testing/test-postgres";

import { createApp, signUp } from "./support/accounts";
import { startConsoleServer, type ConsoleServer } from "./support/console-server";
import { requirePostgres } from "./support/postgres-only";
import { saveScreenshot } from "./support/screenshots";

// A console on a PostgreSQL cluster of its own, which the test stops and
// starts with pg_ctl as an outage or a database restart would.
test.describe("database outage", () => {
  requirePostgres();
  test.skip(!findPostgresBinDir(), "needs the PostgreSQL server binaries (initdb, pg_ctl) to start a cluster it may stop");
  test.describe.configure({ mode: "serial" });

  let cluster: PostgresCluster;
  let server: ConsoleServer;

  test.beforeAll(async () => {
    cluster = await startPostgresCluster();
    const database = await createTestDatabase(cluster.adminUrl);
    server = await startConsoleServer({
      env: { DATABASE_URL: database.url, CONSOLE_ENCRYPTION_KEY: process.env.E2E_ENCRYPTION_KEY ?? "" },
      logPath: path.resolve("test-results", "outage-instance.log"),
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
  });

  test("pages return 503 while down and recover", async ({ browser }, testInfo) => {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    await signUp(page);
    const appId = await createApp(page, "Outage");

    cluster.stop();

    const down = await page.goto(`/apps/${appId}/keys`);
    expect(down?.status()).toBe(503);
    expect(down?.headers()["retry-after"]).toBe("5");
    await expect(page.getByRole("heading", { name: "The console cannot reach its database" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/at .*\.js|Error:/);
    await saveScreenshot(page, testInfo, "outage-503-page");

    const ready = await page.request.get("/api/ready");
    expect(ready.status()).toBe(503);
    expect(await ready.json()).toEqual({ status: "unavailable", reason: "the database is unavailable" });
    const health = await page.request.get("/api/health");
    expect(health.status()).toBe(200);
    const api = await page.request.get("/api/console/apps");
    expect(api.status()).toBe(503);
    expect(await api.json()).toMatchObject({ code: "unavailable" });

    cluster.start();

    await expect.poll(async () => (await page.request.get("/api/ready")).status(), { timeout: 30_000 }).toBe(200);
    const back = await page.goto(`/apps/${appId}/keys`);
    expect(back?.status()).toBe(200);
    await expect(page.getByRole("button", { name: "Create key" })).toBeVisible();
    await context.close();
  });

  test("log reports the outage and the recovery once each", async () => {
    const log = server.readLog();

    expect(log.match(/the database is unavailable: returning 503/g)).toHaveLength(1);
    expect(log.match(/the database is available again/g)).toHaveLength(1);
  });
});
