import { expect, type Locator, type Page } from "@playwright/test";

// Mints a token on the mint page with the given key and the form's default
// grants and TTL, and returns it.
export async function mintTokenInConsole(page: Page, appId: string, keyId: string): Promise<string> {
  await page.goto(`/apps/${appId}/mint`);
  await page.getByLabel("Key", { exact: true }).selectOption(keyId);
  await page.getByLabel("Identity").fill("rotation-user");
  await page.getByLabel("Device").fill("web1");
  await page.getByRole("button", { name: "Mint token" }).click();

  const minted = page.getByTestId("minted-token");
  await expect(minted).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  return (await minted.innerText()).trim();
}

// Enters a token on the inspect page, requests the signature check and
// returns the verdict panel.
export async function verifyOnInspectPage(page: Page, token: string): Promise<Locator> {
  await page.goto("/inspect");
  await page.getByLabel("Token", { exact: true }).fill(token);
  await page.getByRole("button", { name: "Verify signature" }).click();
  return page.getByTestId("verdict");
}
