import path from "node:path";

import type { Page, TestInfo } from "@playwright/test";

// Saves a full-page screenshot under test-results/screenshots and attaches it
// to the test report, so every page of a flow can be looked at afterwards.
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = path.resolve("test-results", "screenshots", `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}
