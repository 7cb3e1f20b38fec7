import { expect, test } from "@playwright/test";

import { createApp, signUp, TEST_PASSWORD, uniqueEmail } from "./support/accounts";
import { createKeyInConsole } from "./support/keys";
import { saveScreenshot } from "./support/screenshots";

function basicAuth(keyId: string, secret: string): string {
  return `Basic ${Buffer.from(`${keyId}:${secret}`).toString("base64")}`;
}

test("key mints and verifies over the token API", async ({ page, request }) => {
  await signUp(page);
  const appId = await createApp(page, "Token API app");
  const { keyId, secret } = await createKeyInConsole(page, appId, "app server");

  const minted = await request.post("/api/v2/tokens", {
    headers: { authorization: basicAuth(keyId, secret) },
    form: { identity: "alice", device: "web1", grants: "chat,video", ttl: "600" },
  });
  expect(minted.status()).toBe(201);
  const { token, claims } = (await minted.json()) as { token: string; claims: { iss: string; sub: string } };
  expect(claims).toMatchObject({ iss: keyId, sub: "alice/web1" });

  const verified = await request.post("/api/v2/tokens/verify", { headers: { authorization: basicAuth(keyId, secret) }, data: { token } });
  expect(verified.status()).toBe(200);
  expect(await verified.json()).toMatchObject({ verdict: "valid", key: { id: keyId, appId } });

  // The front queues the audit entry and the database thread writes it, so
  // the page, served by the Next.js thread, shows it within a moment.
  await expect(async () => {
    await page.goto(`/apps/${appId}/audit`);
    const minted = page.getByTestId("audit-row").filter({ hasText: "token.api_minted" });
    await expect(minted).toHaveCount(1, { timeout: 1_000 });
    await expect(minted).toContainText("identity: alice");
  }).toPass({ timeout: 10_000 });
});

test("token API rejects a wrong secret with 401", async ({ request }) => {
  const response = await request.post("/api/v2/tokens", {
    headers: { authorization: basicAuth("0".repeat(32), "not the secret") },
    data: { identity: "alice", device: "web1" },
  });

  expect(response.status()).toBe(401);
  expect(response.headers()["www-authenticate"]).toMatch(/^Basic realm="bit6-console"/);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
});

test("OpenAPI document is public", async ({ request }) => {
  const response = await request.get("/api/v2/openapi.json");

  expect(response.status()).toBe(200);
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/v2/tokens");
});

test("Token API page shows examples", async ({ page }, testInfo) => {
  await signUp(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Token API" }).click();

  await expect(page.getByRole("heading", { name: "Token API", level: 1 })).toBeVisible();
  for (const mode of ["api", "local"]) {
    for (const language of ["curl", "node", "python", "php"]) {
      await expect(page.getByTestId(`example-${mode}-${language}`)).toContainText("BIT6_KEY_SECRET");
    }
  }
  await expect(page.getByTestId("example-api-curl")).toContainText(`${new URL(page.url()).origin}/api/v2/tokens`);
  await saveScreenshot(page, testInfo, "token-api-page");
});

// The sign-in limit per account counts in fixed 15-minute windows aligned to
// the clock. Attempts that straddle a window's end would be counted in two
// windows, so the test starts in a window with time to spare.
async function waitForFreshSignInWindow(): Promise<void> {
  const windowMs = 15 * 60 * 1000;
  const leftMs = windowMs - (Date.now() % windowMs);
  if (leftMs < 20_000) {
    await new Promise((resolve) => setTimeout(resolve, leftMs + 1_000));
  }
}

test("sign-in limit asks to wait", async ({ page }) => {
  await waitForFreshSignInWindow();
  const email = uniqueEmail("limited");
  await signUp(page, email);
  await page.context().clearCookies();

  // The sign-up's own sign-in counted as one attempt of the account's 10.
  const messages: string[] = [];
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`${TEST_PASSWORD} wrong`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Next.js adds an empty route announcer with the same role.
    const alert = page.getByRole("alert").filter({ hasText: "The email or password is incorrect." });
    await expect(alert).toBeVisible();
    // A rejected sign-in keeps what was typed.
    await expect(page.getByLabel("Email")).toHaveValue(email);
    messages.push(await alert.innerText());
  }

  expect(messages.slice(0, 9).every((message) => message === "The email or password is incorrect.")).toBe(true);
  // The wait runs to the end of the limit's fixed window, so near its end it
  // is given in seconds.
  expect(messages[9]).toMatch(/^The email or password is incorrect\. Too many sign-in attempts: wait \d+ (minutes?|seconds?) before trying again\.$/);
});
