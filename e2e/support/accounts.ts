import { randomUUID } from "node:crypto";

import { expect, type Page } from "@playwright/test";

export const TEST_PASSWORD = "correct horse battery staple";

// A unique email per call, so tests never share an account.
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

// Creates an account through the sign-up form and waits for the apps page.
export async function signUp(page: Page, email: string = uniqueEmail()): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/apps$/);
  return email;
}

// Creates an app from the apps page and returns its ID from the URL.
export async function createApp(page: Page, name: string): Promise<string> {
  await page.goto("/apps");
  await page.getByLabel("App name").fill(name);
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page).toHaveURL(/\/apps\/[^/]+\/keys$/);

  const match = /\/apps\/([^/]+)\/keys$/.exec(page.url());
  if (!match?.[1]) {
    throw new Error(`no app ID in ${page.url()}`);
  }
  return match[1];
}

// Signs in through the sign-in form and waits for the page it returns to.
export async function signIn(page: Page, email: string, password: string = TEST_PASSWORD, callbackUrl = "/apps"): Promise<void> {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
}
