import { expect, test } from "@playwright/test";

import { createApp, signUp } from "./support/accounts";
import { createKeyInConsole } from "./support/keys";

test.describe("console API without a session", () => {
  test("GET /api/console/apps answers 401 problem details", async ({ request }) => {
    const response = await request.get("/api/console/apps");

    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 401, code: "unauthenticated" });
  });

  test("POST /api/console/inspect answers 401", async ({ request }) => {
    const response = await request.post("/api/console/inspect", { data: { token: "x.y.z" } });

    expect(response.status()).toBe(401);
  });

  test("console page redirects to sign-in", async ({ page }) => {
    await page.goto("/apps");

    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapps$/);
  });

  test("deep link survives the sign-in redirect", async ({ page }) => {
    await page.goto("/inspect");

    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finspect$/);
  });
});

test.describe("demo endpoint", () => {
  let demoUrl = "";

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signUp(page);
    const appId = await createApp(page, "Demo API");
    await createKeyInConsole(page, appId, "demo key");

    await page.goto(`/apps/${appId}/demo`);
    await page.getByLabel("Enabled").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/saved/i)).toBeVisible();
    demoUrl = new URL(`/api/demo/${appId}/token`, page.url()).pathname;
    await page.close();
  });

  test("answers a form body with a token", async ({ request }) => {
    const response = await request.post(demoUrl, { form: { identity: "bob1", device: "web1" } });

    expect(response.status()).toBe(200);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const body = (await response.json()) as { token: string };
    expect(body.token.split(".")).toHaveLength(3);
  });

  test("answers a JSON body with a token", async ({ request }) => {
    const response = await request.post(demoUrl, { data: { identity: "bob1", device: "web1" } });

    expect(response.status()).toBe(200);
  });

  test("answers a CORS preflight", async ({ request }) => {
    const response = await request.fetch(demoUrl, { method: "OPTIONS", headers: { origin: "https://app.example.test" } });

    expect(response.status()).toBe(204);
    expect(response.headers()["access-control-allow-methods"]).toContain("POST");
  });

  const badRequests: { name: string; body: string; type: string; status: number; detail: RegExp; field?: string }[] = [
    { name: "missing identity", body: "device=web1", type: "application/x-www-form-urlencoded", status: 400, detail: /identity/, field: "identity" },
    { name: "missing device", body: "identity=bob1", type: "application/x-www-form-urlencoded", status: 400, detail: /device/, field: "device" },
    { name: "identity with a slash", body: "identity=a%2Fb&device=web1", type: "application/x-www-form-urlencoded", status: 400, detail: /identity.*\//, field: "identity" },
    { name: "repeated identity", body: "identity=a&identity=b&device=web1", type: "application/x-www-form-urlencoded", status: 400, detail: /identity given more than once/ },
    { name: "empty JSON body", body: "", type: "application/json", status: 400, detail: /invalid JSON body/ },
    { name: "truncated JSON", body: '{"identity":', type: "application/json", status: 400, detail: /invalid JSON body/ },
    { name: "JSON as text/plain", body: '{"identity":"a","device":"b"}', type: "text/plain", status: 415, detail: /application\/json/ },
  ];

  for (const bad of badRequests) {
    test(`rejects ${bad.name}`, async ({ request }) => {
      const response = await request.post(demoUrl, { data: bad.body, headers: { "content-type": bad.type } });

      expect(response.status()).toBe(bad.status);
      const problem = (await response.json()) as { detail: string; field?: string };
      expect(problem.detail).toMatch(bad.detail);
      if (bad.field) {
        expect(problem.field).toBe(bad.field);
      }
    });
  }

  test("rejects a 2 MB body with 413", async ({ request }) => {
    const response = await request.post(demoUrl, {
      data: `identity=${"a".repeat(2 * 1024 * 1024)}&device=web1`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });

    expect(response.status()).toBe(413);
  });

  test("answers 404 for an app without the endpoint", async ({ request }) => {
    const response = await request.post("/api/demo/no-such-app/token", { form: { identity: "bob1", device: "web1" } });

    expect(response.status()).toBe(404);
  });
});
