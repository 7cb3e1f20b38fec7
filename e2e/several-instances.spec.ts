import path from "node:path";

import { expect, test } from "@playwright/test";

import { createApp, signUp, TEST_PASSWORD } from "./support/accounts";
import { startConsoleServer, type ConsoleServer } from "./support/console-server";
import { enableDemoEndpoint, requestDemoToken } from "./support/demo";
import { createKeyInConsole } from "./support/keys";
import { requirePostgres, sharedDatabaseEnv } from "./support/postgres-only";
import { readServerLog } from "./support/server-log";

// The key cache keeps a key for 2 s (KEY_CACHE_TTL_MS), so another instance
// refuses a revoked key within that, plus the time of one request. 5 s is
// the bound the operations guide promises.
const REVOCATION_BOUND_MS = 5_000;

// Demo tokens per minute allowed for one endpoint in the shared limit test.
const SHARED_LIMIT = 10;

// Instance A is the main e2e server (baseURL). Instance B runs the same
// build on the same PostgreSQL database with the same master key, as a
// second replica behind a load balancer would.
test.describe("two instances on one database", () => {
  requirePostgres();
  test.describe.configure({ mode: "serial" });

  let instanceB: ConsoleServer;
  const secrets: string[] = [];

  test.beforeAll(async () => {
    instanceB = await startConsoleServer({ env: sharedDatabaseEnv(), logPath: path.resolve("test-results", "instance-b.log") });
  });

  test.afterAll(async () => {
    await instanceB?.stop();
  });

  test("session made on A is valid on B", async ({ page }) => {
    await signUp(page);
    const appId = await createApp(page, "Shared session");

    // Cookies are not scoped by port, so the browser sends A's session
    // cookie to B, which must accept it.
    await page.goto(`${instanceB.baseURL}/apps/${appId}/keys`);

    await expect(page).toHaveURL(`${instanceB.baseURL}/apps/${appId}/keys`);
    await expect(page.getByRole("button", { name: "Create key" })).toBeVisible();
  });

  test("key revoked on A is refused by B within 5 s", async ({ page }) => {
    await signUp(page);
    const appId = await createApp(page, "Shared revocation");
    const { keyId, secret } = await createKeyInConsole(page, appId, "replicated key");
    secrets.push(secret);
    await enableDemoEndpoint(page, appId);

    // B signs with the key, which puts it in B's key cache.
    const before = await requestDemoToken(instanceB.baseURL, appId);
    expect(before.status).toBe(200);
    secrets.push(before.token ?? "");

    await page.goto(`/apps/${appId}/keys`);
    const row = page.getByRole("row", { name: new RegExp(keyId) });
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("alertdialog", { name: "Revoke key?" }).getByRole("button", { name: "Revoke key" }).click();
    await expect(row).toContainText("Revoked");

    // A dropped its cached copy on revocation, so it refuses at once.
    expect((await requestDemoToken(test.info().project.use.baseURL!, appId)).status).toBe(409);
    await expect
      .poll(async () => (await requestDemoToken(instanceB.baseURL, appId)).status, { timeout: REVOCATION_BOUND_MS, intervals: [100] })
      .toBe(409);
  });

  test("rate limit is shared by two instances", async ({ page }) => {
    await signUp(page);
    const appId = await createApp(page, "Shared limit");
    await createKeyInConsole(page, appId, "limited key");
    await enableDemoEndpoint(page, appId);
    // Two more instances with a small per-endpoint limit that sync their
    // counts every 100 ms, so the test does not wait for the default 1 s.
    // The limit counts in fixed windows aligned to the clock, so the window
    // is a day long: a shorter one could end between C's requests and D's
    // and give D a fresh count.
    const limits = { ...sharedDatabaseEnv(), RATE_LIMIT_DEMO_PER_KEY: `${SHARED_LIMIT}/86400`, RATE_LIMIT_SYNC_MS: "100" };
    const [instanceC, instanceD] = await Promise.all([
      startConsoleServer({ env: limits, logPath: path.resolve("test-results", "instance-c.log") }),
      startConsoleServer({ env: limits, logPath: path.resolve("test-results", "instance-d.log") }),
    ]);

    try {
      for (let request = 0; request < SHARED_LIMIT; request += 1) {
        expect((await requestDemoToken(instanceC.baseURL, appId)).status).toBe(200);
      }

      // D has served nothing itself. Once it has read C's count it must
      // refuse; on its own it would allow SHARED_LIMIT more.
      let allowedByD = 0;
      await expect
        .poll(
          async () => {
            const { status } = await requestDemoToken(instanceD.baseURL, appId);
            allowedByD += status === 200 ? 1 : 0;
            return status;
          },
          { timeout: 10_000, intervals: [250] },
        )
        .toBe(429);
      expect(allowedByD).toBeLessThan(SHARED_LIMIT);
    } finally {
      await Promise.all([instanceC.stop(), instanceD.stop()]);
    }
  });

  test("server output holds no password, secret or token", async () => {
    const outputs = { A: readServerLog(), B: instanceB.readLog() };
    const forbidden = { password: TEST_PASSWORD, "master key": process.env.E2E_ENCRYPTION_KEY ?? "", ...Object.fromEntries(secrets.map((value, index) => [`secret or token ${index}`, value])) };

    for (const [instance, output] of Object.entries(outputs)) {
      expect(output.length, `instance ${instance} wrote no log`).toBeGreaterThan(0);
      for (const [name, value] of Object.entries(forbidden)) {
        expect(value.length, `${name} is empty`).toBeGreaterThan(10);
        expect(output.includes(value), `instance ${instance}'s output contains the ${name}`).toBe(false);
      }
    }
  });
});
