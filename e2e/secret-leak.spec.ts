import { expect, test } from "@playwright/test";

import { createApp, signUp } from "./support/accounts";
import { createKeyInConsole } from "./support/keys";
import { readServerLog } from "./support/server-log";

test("secret never reaches HTML, responses or logs after its reveal", async ({ page }) => {
  await signUp(page);
  const appId = await createApp(page, "Leak check");
  const { keyId, secret } = await createKeyInConsole(page, appId, "leak check key");
  expect(secret.length).toBeGreaterThanOrEqual(43);

  const bodies: string[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/json|html|text|x-component/.test(type)) {
      bodies.push(await response.text().catch(() => ""));
    }
  });

  await page.goto(`/apps/${appId}/keys`);
  await expect(page.getByRole("row").filter({ hasText: keyId })).toBeVisible();

  for (const path of [`/apps/${appId}/keys`, `/apps/${appId}/mint`, `/apps/${appId}/demo`, "/inspect", "/apps"]) {
    await page.goto(path);
    const html = await page.content();
    expect(html, `HTML of ${path}`).not.toContain(secret);
  }

  await page.goto(`/apps/${appId}/mint`);
  await page.getByLabel("Identity").fill("leak-check");
  await page.getByLabel("Device").fill("web1");
  await page.getByRole("button", { name: "Mint token" }).click();
  await expect(page.getByTestId("minted-token")).toBeVisible();

  expect(await page.content()).not.toContain(secret);
  for (const body of bodies) {
    expect(body).not.toContain(secret);
  }
  expect(readServerLog()).not.toContain(secret);
  expect(page.url()).not.toContain(secret);
});
