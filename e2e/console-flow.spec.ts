import { expect, test, type Page, type TestInfo } from "@playwright/test";

import { createApp, signUp } from "./support/accounts";
import { saveScreenshot } from "./support/screenshots";

interface CreatedKey {
  keyId: string;
  secret: string;
}

// Creates a key on the app's keys page, reads the secret from the dialog the
// one time it is shown, and closes the dialog the way a person must.
async function createKey(page: Page, testInfo: TestInfo, appId: string, label: string, shot: string): Promise<CreatedKey> {
  await page.goto(`/apps/${appId}/keys`);
  await page.getByLabel("Label").fill(label);
  await page.getByRole("button", { name: "Create key" }).click();

  const dialog = page.getByRole("dialog", { name: "Save your secret key" });
  await expect(dialog).toBeVisible();
  const keyId = (await dialog.getByTestId("new-key-id").textContent()) ?? "";
  const secret = (await dialog.getByTestId("new-key-secret").textContent()) ?? "";
  expect(keyId).toMatch(/^[0-9a-f]{32}$/);
  expect(secret.length).toBeGreaterThan(20);
  await expect(dialog.getByTestId("env-snippet")).toHaveText(`BIT6_KEY_ID=${keyId}\nBIT6_KEY_SECRET=${secret}`);
  await saveScreenshot(page, testInfo, `${shot}-secret-dialog`);

  await page.getByRole("checkbox", { name: "I have saved the secret" }).check();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(keyId) })).toContainText("Active");

  return { keyId, secret };
}

// Mints a token with only chat and video granted and returns it.
async function mintChatVideoToken(page: Page, testInfo: TestInfo, appId: string, keyId: string, shot: string): Promise<string> {
  await page.goto(`/apps/${appId}/mint`);
  await page.getByLabel("Key", { exact: true }).selectOption(keyId);
  await page.getByLabel("Identity").fill("alice1");
  await page.getByLabel("Device").fill("laptop1");

  const grants = page.getByRole("group", { name: "Grants" });
  await grants.getByLabel("signal").uncheck();
  await expect(grants.getByLabel("chat")).toBeChecked();
  await expect(grants.getByLabel("video")).toBeChecked();
  await expect(grants.getByLabel("push")).not.toBeChecked();

  await page.getByRole("button", { name: "Mint token" }).click();
  const minted = page.getByTestId("minted-token");
  await expect(minted).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  await expect(page.getByTestId("expiry-countdown")).toContainText("Expires in");
  await saveScreenshot(page, testInfo, `${shot}-minted`);

  return (await minted.textContent()) ?? "";
}

async function verifyOnInspectPage(page: Page, token: string): Promise<void> {
  await page.goto("/inspect");
  await page.getByLabel("Token", { exact: true }).fill(token);
  await page.getByRole("button", { name: "Verify signature" }).click();
}

test("key, mint and inspect flow", async ({ page }, testInfo) => {
  await signUp(page);
  await saveScreenshot(page, testInfo, "flow-a-apps");
  const appId = await createApp(page, "Flow A app");
  await expect(page.getByRole("heading", { level: 1, name: "Flow A app" })).toBeVisible();
  await expect(page.getByTestId("keys-empty")).toBeVisible();
  await saveScreenshot(page, testInfo, "flow-a-keys-empty");

  await page.getByLabel("Label").fill("production server");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Save your secret key" });
  await expect(dialog).toBeVisible();
  const keyId = (await dialog.getByTestId("new-key-id").textContent()) ?? "";
  const secret = (await dialog.getByTestId("new-key-secret").textContent()) ?? "";
  await expect(dialog).toContainText("shown only this once");
  await expect(dialog.getByTestId("env-snippet")).toHaveText(`BIT6_KEY_ID=${keyId}\nBIT6_KEY_SECRET=${secret}`);

  await page.keyboard.press("Escape");
  await page.mouse.click(5, 5);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Done" })).toBeDisabled();
  await saveScreenshot(page, testInfo, "flow-a-secret-dialog");

  await page.getByRole("checkbox", { name: "I have saved the secret" }).check();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: new RegExp(keyId) });
  await expect(row).toContainText("Active");
  await expect(row).toContainText(`••••${secret.slice(-4)}`);
  expect(await page.content()).not.toContain(secret);
  await saveScreenshot(page, testInfo, "flow-a-keys");

  await page.getByRole("link", { name: "Mint token" }).click();
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/mint$`));
  await page.getByRole("button", { name: "Mint token" }).click();
  await expect(page.getByText("identity is required")).toBeVisible();
  const grants = page.getByRole("group", { name: "Grants" });
  for (const name of ["chat", "signal", "video"]) {
    await grants.getByLabel(name).uncheck();
  }
  await expect(grants.getByRole("status")).toContainText("no grants");
  await saveScreenshot(page, testInfo, "flow-a-mint-errors");
  await grants.getByLabel("chat").check();
  await grants.getByLabel("video").check();

  await page.getByLabel("Identity").fill("alice1");
  await page.getByLabel("Device").fill("laptop1");
  await page.getByRole("button", { name: "Mint token" }).click();
  const minted = page.getByTestId("minted-token");
  await expect(minted).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  await expect(page.getByTestId("expiry-countdown")).toContainText("Expires in");
  await expect(page.getByTestId("mint-node-snippet")).toContainText("process.env.BIT6_KEY_SECRET");
  await expect(page.getByTestId("mint-node-snippet")).not.toContainText(secret);
  await expect(page.getByTestId("mint-curl")).toContainText(`-d identity=alice1 -d device=laptop1 http://127.0.0.1`);
  await expect(grants.getByLabel("signal")).not.toBeChecked();
  await expect(page.getByLabel("TTL", { exact: true })).toHaveValue("3600");
  await saveScreenshot(page, testInfo, "flow-a-minted");
  const token = (await minted.textContent()) ?? "";

  await page.getByRole("button", { name: "Inspect this token" }).click();
  await expect(page).toHaveURL(/\/inspect$/);
  await expect(page.getByLabel("Token", { exact: true })).toHaveValue(token);
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "valid");
  await expect(verdict).toContainText(keyId);
  await expect(verdict).toContainText("Flow A app");
  await expect(page.locator('[data-grant="chat"]')).toHaveAttribute("data-granted", "true");
  await expect(page.locator('[data-grant="video"]')).toHaveAttribute("data-granted", "true");
  await expect(page.locator('[data-grant="signal"]')).toHaveAttribute("data-granted", "false");
  await expect(page.locator('[data-grant="push"]')).toHaveAttribute("data-granted", "false");
  expect(await page.evaluate(() => window.sessionStorage.getItem("bit6-console:inspect-token"))).toBeNull();
  await saveScreenshot(page, testInfo, "flow-a-inspect");
});

test("revoked key fails verification", async ({ page }, testInfo) => {
  await signUp(page);
  const appId = await createApp(page, "Flow B app");
  const { keyId } = await createKey(page, testInfo, appId, "staging", "flow-b");
  const token = await mintChatVideoToken(page, testInfo, appId, keyId, "flow-b");

  await page.goto(`/apps/${appId}/keys`);
  const row = page.getByRole("row", { name: new RegExp(keyId) });
  await row.getByRole("button", { name: "Revoke" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke key?" });
  await expect(confirm).toContainText("stop verifying");
  await saveScreenshot(page, testInfo, "flow-b-revoke-confirm");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await saveScreenshot(page, testInfo, "flow-b-keys-revoked");

  await verifyOnInspectPage(page, token);
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "revoked");
  await expect(verdict).toContainText(keyId);
  await saveScreenshot(page, testInfo, "flow-b-inspect-revoked");
});

test("demo endpoint token verifies", async ({ page, context, request }, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page);
  const appId = await createApp(page, "Flow C app");
  const { keyId } = await createKey(page, testInfo, appId, "demo", "flow-c");

  await page.getByRole("link", { name: "Demo endpoint" }).click();
  await expect(page.getByTestId("demo-status")).toHaveAttribute("data-enabled", "false");
  const url = (await page.getByTestId("demo-url").textContent()) ?? "";
  expect(url).toBe(`http://127.0.0.1:${new URL(page.url()).port}/api/demo/${appId}/token`);
  await expect(page.getByTestId("demo-curl")).toHaveText(`curl -X POST -d identity=bob1 -d device=web1 ${url}`);
  await saveScreenshot(page, testInfo, "flow-c-demo-off");

  const whileOff = await request.post(url, { form: { identity: "bob1", device: "web1" } });
  expect(whileOff.status()).toBe(404);

  await page.getByLabel("Enabled").check();
  await page.getByLabel("Key", { exact: true }).selectOption(keyId);
  await page.getByLabel("TTL (seconds)").fill("10");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("ttl must be from 60 to 86400 seconds")).toBeVisible();
  await expect(page.getByTestId("demo-status")).toHaveAttribute("data-enabled", "false");
  await saveScreenshot(page, testInfo, "flow-c-demo-error");

  await page.getByLabel("TTL (seconds)").fill("600");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("demo-status")).toHaveAttribute("data-enabled", "true");
  await expect(page.getByLabel("Enabled")).toBeChecked();
  await expect(page.getByLabel("Key", { exact: true })).toHaveValue(keyId);
  await saveScreenshot(page, testInfo, "flow-c-demo-on");

  const response = await request.post(url, { form: { identity: "bob1", device: "web1" } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { token?: unknown };
  expect(typeof body.token).toBe("string");
  const token = String(body.token);

  // A real paste, which alone starts the signature check.
  await page.goto("/inspect");
  await page.evaluate((text) => navigator.clipboard.writeText(text), `Bearer ${token}`);
  await page.getByLabel("Token", { exact: true }).focus();
  await page.keyboard.press("ControlOrMeta+V");
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "valid");
  await expect(verdict).toContainText(keyId);
  await expect(page.getByTestId("decode-notes")).toContainText("Bearer");
  await expect(page.getByTestId("token-segments")).toHaveText(token);
  await saveScreenshot(page, testInfo, "flow-c-inspect");
});

test("inspect shows malformed input", async ({ page }, testInfo) => {
  await signUp(page);

  await verifyOnInspectPage(page, "not.a-token");
  await expect(page.getByTestId("decode-error")).toBeVisible();
  await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "malformed");
  await saveScreenshot(page, testInfo, "inspect-malformed");
});

test("signed-out visit redirects to sign-in", async ({ page }, testInfo) => {
  await page.goto("/apps");

  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapps$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await saveScreenshot(page, testInfo, "signed-out-redirect");
});

test("non-member gets 404 for app", async ({ page, browser }, testInfo) => {
  await signUp(page);
  const appId = await createApp(page, "Private app");

  const otherContext = await browser.newContext();
  try {
    const otherPage = await otherContext.newPage();
    await signUp(otherPage);

    for (const path of [`/apps/${appId}/keys`, `/apps/${appId}/mint`, `/apps/${appId}/demo`, "/apps/no-such-app/keys"]) {
      const response = await otherPage.goto(path);
      expect(response?.status()).toBe(404);
      await expect(otherPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(otherPage.getByText("Private app")).toHaveCount(0);
    }
    await saveScreenshot(otherPage, testInfo, "non-member-404");
  } finally {
    await otherContext.close();
  }
});
