import { createHmac, randomBytes } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { createApp, signUp } from "./support/accounts";
import { closeSecretDialog, createKeyInConsole } from "./support/keys";
import { saveScreenshot } from "./support/screenshots";
import { mintTokenInConsole, verifyOnInspectPage } from "./support/tokens";

function keyRow(page: Page, keyId: string) {
  return page.getByRole("row", { name: new RegExp(keyId) });
}

// A datetime-local value in the test machine's time zone, which is also the
// browser's.
function localDateTimeAfter(days: number): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// Counts server action calls, which Next.js sends as POSTs with a
// Next-Action header.
function countServerActions(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) {
      count += 1;
    }
  });
  return () => count;
}

test("rotation keeps both keys until revoke", async ({ page }, testInfo) => {
  await signUp(page);
  const appId = await createApp(page, "Rotation app");
  const old = await createKeyInConsole(page, appId, "rotation server");
  await expect(keyRow(page, old.keyId).getByTestId("key-status")).toHaveText("Active");
  await saveScreenshot(page, testInfo, "rotation-keys-before");

  await keyRow(page, old.keyId).getByRole("button", { name: "Rotate" }).click();
  const dialog = page.getByRole("dialog", { name: "Rotate key" });
  await expect(dialog).toBeVisible();
  const overlap = dialog.getByRole("group", { name: "Old key stops working" });
  for (const option of ["Now", "1 hour", "24 hours", "7 days", "Custom"]) {
    await expect(overlap.getByRole("radio", { name: option, exact: true })).toBeVisible();
  }
  await saveScreenshot(page, testInfo, "rotation-dialog");

  await overlap.getByRole("radio", { name: "Custom" }).check();
  await dialog.getByRole("button", { name: "Rotate key" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("pick the date and time when the old key should stop working");
  await dialog.getByLabel("Old key's end").fill(localDateTimeAfter(31));
  await dialog.getByRole("button", { name: "Rotate key" }).click();
  await expect(dialog.getByRole("alert")).toContainText("the overlap can be at most 30 days");
  await expect(dialog.getByLabel("Old key's end")).toHaveAttribute("aria-invalid", "true");
  await saveScreenshot(page, testInfo, "rotation-dialog-custom-error");

  await overlap.getByRole("radio", { name: "1 hour" }).check();
  const serverActions = countServerActions(page);
  await dialog.getByRole("button", { name: "Rotate key" }).dblclick();
  const secretDialog = page.getByRole("dialog", { name: "Save your secret key" });
  await expect(secretDialog).toBeVisible();
  await expect(secretDialog.getByTestId("replaced-key-note")).toContainText(old.keyId);
  const newKeyId = (await secretDialog.getByTestId("new-key-id").innerText()).trim();
  const newSecret = (await secretDialog.getByTestId("new-key-secret").innerText()).trim();
  await expect(secretDialog.getByTestId("env-snippet")).toHaveText(`BIT6_KEY_ID=${newKeyId}\nBIT6_KEY_SECRET=${newSecret}`);
  expect(serverActions()).toBe(1);
  await saveScreenshot(page, testInfo, "rotation-secret-dialog");
  const rotated = await closeSecretDialog(page);
  expect(rotated.keyId).toBe(newKeyId);
  expect(rotated.keyId).not.toBe(old.keyId);

  await expect(page.locator("tbody tr")).toHaveCount(2);
  const oldStatus = keyRow(page, old.keyId).getByTestId("key-status");
  await expect(oldStatus).toHaveText("Expiring in 59 min");
  await expect(oldStatus).toHaveAttribute("title", /^Stops signing and verifying at /);
  await expect(keyRow(page, old.keyId).getByRole("button", { name: "Rotate" })).toHaveCount(0);
  await expect(keyRow(page, rotated.keyId).getByTestId("key-status")).toHaveText("Active");
  const replacesLink = keyRow(page, rotated.keyId).getByRole("link", { name: `replaces ${old.keyId.slice(0, 4)}…` });
  await expect(replacesLink).toHaveAttribute("href", `#key-${old.keyId}`);
  expect(await page.content()).not.toContain(rotated.secret);
  await saveScreenshot(page, testInfo, "rotation-keys-after");

  const mint = page.getByLabel("Key", { exact: true });
  const oldToken = await mintTokenInConsole(page, appId, old.keyId);
  await expect(mint.locator(`option[value="${old.keyId}"]`)).toContainText("expiring");
  await saveScreenshot(page, testInfo, "rotation-mint-old-key");
  const newToken = await mintTokenInConsole(page, appId, rotated.keyId);
  await saveScreenshot(page, testInfo, "rotation-mint-new-key");

  await expect(await verifyOnInspectPage(page, oldToken)).toHaveAttribute("data-verdict", "valid");
  await saveScreenshot(page, testInfo, "rotation-inspect-old-valid");
  await expect(await verifyOnInspectPage(page, newToken)).toHaveAttribute("data-verdict", "valid");
  await saveScreenshot(page, testInfo, "rotation-inspect-new-valid");

  await page.goto(`/apps/${appId}/keys`);
  for (const keyId of [old.keyId, rotated.keyId]) {
    await expect(keyRow(page, keyId).getByTestId("key-tokens-24h")).toHaveText("1 token in 24 h");
    await expect(keyRow(page, keyId).getByTestId("key-usage")).toContainText("Last used");
  }
  await keyRow(page, old.keyId).getByRole("button", { name: "Revoke" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke key?" });
  await expect(confirm).toContainText("Revoking it ends the overlap now");
  await saveScreenshot(page, testInfo, "rotation-revoke-confirm");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(keyRow(page, old.keyId).getByTestId("key-status")).toHaveText("Revoked");
  await expect(keyRow(page, rotated.keyId).getByTestId("key-status")).toHaveText("Active");
  await saveScreenshot(page, testInfo, "rotation-keys-old-revoked");

  const revokedVerdict = await verifyOnInspectPage(page, oldToken);
  await expect(revokedVerdict).toHaveAttribute("data-verdict", "revoked");
  await expect(revokedVerdict).toContainText(old.keyId);
  await saveScreenshot(page, testInfo, "rotation-inspect-old-revoked");
  await expect(await verifyOnInspectPage(page, newToken)).toHaveAttribute("data-verdict", "valid");
  await saveScreenshot(page, testInfo, "rotation-inspect-new-still-valid");
});

test("second rotation shows conflict in dialog", async ({ page, context }, testInfo) => {
  await signUp(page);
  const appId = await createApp(page, "Double rotation app");
  const { keyId } = await createKeyInConsole(page, appId, "raced key");
  await keyRow(page, keyId).getByRole("button", { name: "Rotate" }).click();
  const staleDialog = page.getByRole("dialog", { name: "Rotate key" });
  await expect(staleDialog).toBeVisible();

  const otherTab = await context.newPage();
  await otherTab.goto(`/apps/${appId}/keys`);
  await keyRow(otherTab, keyId).getByRole("button", { name: "Rotate" }).click();
  const dialog = otherTab.getByRole("dialog", { name: "Rotate key" });
  await dialog.getByRole("radio", { name: "Now" }).check();
  await dialog.getByRole("button", { name: "Rotate key" }).click();
  await closeSecretDialog(otherTab);
  await expect(keyRow(otherTab, keyId).getByTestId("key-status")).toHaveText("Expired");
  await saveScreenshot(otherTab, testInfo, "double-rotation-other-tab");
  await otherTab.close();

  await staleDialog.getByRole("button", { name: "Rotate key" }).click();
  await expect(staleDialog.getByRole("alert")).toContainText("this key was already rotated");
  await expect(page.getByRole("dialog", { name: "Save your secret key" })).toHaveCount(0);
  await saveScreenshot(page, testInfo, "double-rotation-conflict");
});

test("restrictions reject a grant when minting", async ({ page }, testInfo) => {
  await signUp(page);
  const appId = await createApp(page, "Restricted app");
  const { keyId } = await createKeyInConsole(page, appId, "chat only");

  await keyRow(page, keyId).getByRole("button", { name: "Edit restrictions" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit restrictions" });
  const grants = dialog.getByRole("group", { name: "Allowed grants" });
  await grants.getByLabel("chat").check();
  await dialog.getByLabel("Maximum TTL (seconds)").fill("five minutes");
  await dialog.getByLabel("Allowed origins").fill("https://app.example.test\nhttps://app.example.test/path");
  await dialog.getByRole("button", { name: "Save restrictions" }).click();
  await expect(dialog.getByText("maximum ttl must be an integer number of seconds")).toBeVisible();
  await expect(dialog.getByText("'https://app.example.test/path': each allowed origin must be a scheme and host")).toBeVisible();
  await expect(grants.getByLabel("chat")).toBeChecked();
  await saveScreenshot(page, testInfo, "restrictions-errors");

  await dialog.getByLabel("Maximum TTL (seconds)").fill("300");
  await dialog.getByLabel("Allowed origins").fill("https://app.example.test");
  await dialog.getByRole("button", { name: "Save restrictions" }).click();
  await expect(dialog).toBeHidden();
  const summary = keyRow(page, keyId).getByTestId("key-restrictions");
  await expect(summary).toContainText("Grants: chat");
  await expect(summary).toContainText("Max TTL: 300 s");
  await expect(summary).toContainText("Origins: https://app.example.test");
  await saveScreenshot(page, testInfo, "restrictions-saved");

  await page.goto(`/apps/${appId}/mint`);
  await expect(page.getByTestId("mint-key-restrictions")).toHaveText("Grants: chat · Max TTL: 300 s · Origins: https://app.example.test");
  await page.getByLabel("Identity").fill("alice1");
  await page.getByLabel("Device").fill("web1");
  await page.getByRole("button", { name: "Mint token" }).click();
  const mintGrants = page.getByRole("group", { name: "Grants" });
  await expect(mintGrants.getByRole("alert")).toHaveText(`key '${keyId}' may grant only chat; remove signal, video or use another key`);
  await expect(page.getByTestId("minted-token")).toHaveCount(0);
  await saveScreenshot(page, testInfo, "restrictions-mint-grant-rejected");

  await mintGrants.getByLabel("signal").uncheck();
  await mintGrants.getByLabel("video").uncheck();
  await page.getByRole("button", { name: "Mint token" }).click();
  await expect(page.getByText(`key '${keyId}' allows a ttl of at most 300 seconds; ask for 300 or less`)).toBeVisible();
  await saveScreenshot(page, testInfo, "restrictions-mint-ttl-rejected");

  await page.getByLabel("TTL", { exact: true }).selectOption("60");
  await page.getByRole("button", { name: "Mint token" }).click();
  await expect(page.getByTestId("minted-token")).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  await saveScreenshot(page, testInfo, "restrictions-mint-allowed");
});

test("import rejects a short secret, then signs", async ({ page }, testInfo) => {
  await signUp(page);
  const appId = await createApp(page, "Import app");
  const keyId = randomBytes(16).toString("hex");
  const secret = randomBytes(32).toString("base64url");

  await page.getByRole("button", { name: "Import key" }).click();
  const dialog = page.getByRole("dialog", { name: "Import key" });
  await dialog.getByLabel("Label").fill("moved from old console");
  await dialog.getByLabel("Key ID").fill(keyId);
  await dialog.getByLabel("Secret").fill("short-secret");
  await expect(dialog.getByLabel("Secret")).toHaveAttribute("type", "password");
  await dialog.getByRole("button", { name: "Import key" }).click();
  await expect(dialog.getByText("secret is too weak: it must be at least 16 bytes")).toBeVisible();
  await expect(dialog.getByLabel("Secret")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Key ID")).toHaveValue(keyId);
  await saveScreenshot(page, testInfo, "import-weak-secret");

  await dialog.getByLabel("Secret").fill(secret);
  await dialog.getByRole("button", { name: "Import key" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("import-done")).toContainText(keyId);
  await expect(keyRow(page, keyId).getByTestId("key-imported")).toHaveText("Imported");
  await expect(keyRow(page, keyId)).toContainText(`••••${secret.slice(-4)}`);
  expect(await page.content()).not.toContain(secret);
  await saveScreenshot(page, testInfo, "import-done");

  const token = await mintTokenInConsole(page, appId, keyId);
  await saveScreenshot(page, testInfo, "import-minted");
  const [header, payload, signature] = token.split(".");
  expect(signature).toBe(createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url"));

  const verdict = await verifyOnInspectPage(page, token);
  await expect(verdict).toHaveAttribute("data-verdict", "valid");
  await expect(verdict).toContainText(keyId);
  await saveScreenshot(page, testInfo, "import-inspect-valid");
});
