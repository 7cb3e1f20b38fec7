import { expect, type Page } from "@playwright/test";

// Turns on the app's demo token endpoint from its demo page, with the
// form's defaults (the app's newest active key).
export async function enableDemoEndpoint(page: Page, appId: string): Promise<void> {
  await page.goto(`/apps/${appId}/demo`);
  await page.getByLabel("Enabled").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/saved/i)).toBeVisible();
}

// Asks an instance's demo endpoint for a token and returns the HTTP status
// and the token, if any.
export async function requestDemoToken(baseURL: string, appId: string): Promise<{ status: number; token: string | null }> {
  const response = await fetch(`${baseURL}/api/demo/${appId}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "identity=bob1&device=web1",
  });
  const body = (await response.json()) as { token?: string };
  return { status: response.status, token: body.token ?? null };
}
