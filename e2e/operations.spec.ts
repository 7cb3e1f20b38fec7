import { expect, test } from "@playwright/test";

import { createApp, signUp, TEST_PASSWORD } from "./support/accounts";
import { enableDemoEndpoint, requestDemoToken } from "./support/demo";
import { createKeyInConsole } from "./support/keys";
import { readServerLog } from "./support/server-log";

test.describe("operations endpoints", () => {
  test("health returns 200", async ({ request }) => {
    const response = await request.get("/api/health");

    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers()["cache-control"]).toBe("no-store");
  });

  test("ready returns 200 on a migrated database", async ({ request }) => {
    const response = await request.get("/api/ready");

    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  test("request ID from a proxy is echoed", async ({ request }) => {
    const response = await request.get("/sign-in", { headers: { "x-request-id": "lb-42.7" } });

    expect(response.status()).toBe(200);
    expect(response.headers()["x-request-id"]).toBe("lb-42.7");
  });

  test("unsafe request ID is replaced", async ({ request }) => {
    const response = await request.get("/api/health", { headers: { "x-request-id": "bad id\twith tab" } });

    expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("problem details carry the request ID", async ({ request }) => {
    const response = await request.get("/api/console/apps", { headers: { "x-request-id": "trace-401" } });

    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ requestId: "trace-401" });
  });
});

test.describe("server log", () => {
  test("holds no password, secret or token", async ({ page, request }) => {
    await signUp(page);
    const appId = await createApp(page, "Log check");
    const { secret } = await createKeyInConsole(page, appId, "log check key");
    await enableDemoEndpoint(page, appId);
    const baseURL = test.info().project.use.baseURL!;
    const { status, token } = await requestDemoToken(baseURL, appId);
    expect(status).toBe(200);
    // Inspecting sends the token through the console API as well.
    const inspected = await page.request.post("/api/console/inspect", { data: { token } });
    expect(inspected.status()).toBe(200);
    // A failed sign-in carries a password too.
    await request.post("/api/auth/callback/credentials", { form: { email: "nobody@example.test", password: "wrong password 12345" } });

    const log = readServerLog();

    const forbidden = { password: TEST_PASSWORD, "wrong password": "wrong password 12345", secret, token: token ?? "" };
    for (const [name, value] of Object.entries(forbidden)) {
      expect(value.length, `${name} is empty`).toBeGreaterThan(10);
      expect(log.includes(value), `the server log contains the ${name}`).toBe(false);
    }
  });
});
