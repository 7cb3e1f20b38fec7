import { expect, type Page } from "@playwright/test";

// Creates a key on the app's keys page and returns its ID and secret as the
// one-time dialog shows them, after closing the dialog.
export async function createKeyInConsole(page: Page, appId: string, label: string): Promise<{ keyId: string; secret: string }> {
  await page.goto(`/apps/${appId}/keys`);
  await page.getByLabel("Label").fill(label);
  await page.getByRole("button", { name: "Create key" }).click();

  return closeSecretDialog(page);
}

// Reads the key ID and secret from the open "Save your secret key" dialog,
// then confirms and closes it the way a person must.
export async function closeSecretDialog(page: Page): Promise<{ keyId: string; secret: string }> {
  const dialog = page.getByRole("dialog", { name: "Save your secret key" });
  await expect(dialog).toBeVisible();
  const keyId = (await dialog.getByTestId("new-key-id").innerText()).trim();
  const secret = (await dialog.getByTestId("new-key-secret").innerText()).trim();

  await dialog.getByLabel("I have saved the secret").check();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  return { keyId, secret };
}
