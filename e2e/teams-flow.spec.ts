import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { createApp, signIn, signUp, TEST_PASSWORD, uniqueEmail } from "./support/accounts";
import { saveScreenshot } from "./support/screenshots";

// A server action request captured from the browser, to send again as
// another user: the server must check the caller, not trust the form.
interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

async function captureNextAction(page: Page, act: () => Promise<void>): Promise<CapturedAction> {
  const requestPromise = page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
  await act();
  const request = await requestPromise;
  const headers = request.headers();

  return {
    url: request.url(),
    headers: { "next-action": headers["next-action"] ?? "", "content-type": headers["content-type"] ?? "", accept: "text/x-component" },
    body: request.postDataBuffer() ?? Buffer.alloc(0),
  };
}

async function replayAction(request: APIRequestContext, action: CapturedAction): Promise<{ status: number; text: string }> {
  const response = await request.post(action.url, { headers: action.headers, data: action.body, maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}

function memberRow(page: Page, email: string) {
  return page.getByTestId("member-row").filter({ hasText: email });
}

test("owner invites a developer who mints, then is removed", async ({ page, browser }, testInfo) => {
  // The owner sets up an app with a key, and a second app the developer
  // must never see.
  const ownerEmail = await signUp(page, uniqueEmail("owner"));
  const privateAppId = await createApp(page, "Owner private app");
  const appId = await createApp(page, "Team app");
  await page.getByLabel("Label").fill("team server");
  const createKey = await captureNextAction(page, () => page.getByRole("button", { name: "Create key" }).click());
  const dialog = page.getByRole("dialog", { name: "Save your secret key" });
  await expect(dialog).toBeVisible();
  const keyId = ((await dialog.getByTestId("new-key-id").textContent()) ?? "").trim();
  await dialog.getByLabel("I have saved the secret").check();
  await dialog.getByRole("button", { name: "Done" }).click();

  // The owner invites an email that has no account yet.
  const developerEmail = uniqueEmail("developer");
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(`/apps/${appId}/members`);
  await expect(memberRow(page, ownerEmail)).toContainText("(you)");
  await page.getByLabel("Email").fill(developerEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("DEVELOPER");
  await page.getByRole("button", { name: "Add member" }).click();
  const invitationLink = ((await page.getByTestId("invitation-link").textContent()) ?? "").trim();
  expect(invitationLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("invitation-row").filter({ hasText: developerEmail })).toContainText("as developer");
  await saveScreenshot(page, testInfo, "teams-owner-invited");

  // The developer opens the link in another browser and signs up with the
  // invited email, which the form fills in.
  const developerContext = await browser.newContext();
  const developer = await developerContext.newPage();
  await developer.goto(invitationLink);
  await expect(developer.getByRole("heading", { name: "Join Team app" })).toBeVisible();
  await saveScreenshot(developer, testInfo, "teams-invite-signed-out");
  await developer.getByRole("link", { name: "Create an account" }).click();
  await expect(developer.getByLabel("Email")).toHaveValue(developerEmail);
  await saveScreenshot(developer, testInfo, "teams-invite-sign-up");
  await developer.getByLabel("Password").fill(TEST_PASSWORD);
  await developer.getByRole("button", { name: "Create account" }).click();
  await expect(developer).toHaveURL(new URL(invitationLink).pathname);
  await saveScreenshot(developer, testInfo, "teams-invite-signed-in");
  await developer.getByRole("button", { name: "Join Team app" }).click();
  await expect(developer).toHaveURL(`/apps/${appId}/keys`);

  // The developer has the key ID but no key management controls, and only
  // the app they were invited to.
  await expect(developer.getByText("your role: developer")).toBeVisible();
  await expect(developer.getByRole("row").filter({ hasText: keyId })).toBeVisible();
  await expect(developer.getByRole("button", { name: "Create key" })).toHaveCount(0);
  await expect(developer.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  await expect(developer.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await saveScreenshot(developer, testInfo, "teams-developer-keys");
  await developer.goto("/account");
  await expect(developer.getByTestId("account-app-row")).toHaveText(["Team appdeveloper"]);
  await saveScreenshot(developer, testInfo, "teams-developer-account");
  await developer.goto("/apps");
  await expect(developer.getByRole("link", { name: /Team app/ })).toBeVisible();
  await expect(developer.getByRole("link", { name: /Owner private app/ })).toHaveCount(0);
  expect((await developer.goto(`/apps/${privateAppId}/keys`))?.status()).toBe(404);

  // The server refuses the owner's create-key action sent as the developer.
  const refused = await replayAction(developer.request, createKey);
  expect(refused.text).toContain("your role (developer) does not allow key.create on this app");
  await developer.goto(`/apps/${appId}/keys`);
  await expect(developer.getByRole("row").filter({ hasText: "team server" })).toHaveCount(1);

  // The developer mints a test token.
  await developer.goto(`/apps/${appId}/mint`);
  await developer.getByLabel("Key", { exact: true }).selectOption(keyId);
  await developer.getByLabel("Identity").fill("qa-alice");
  await developer.getByLabel("Device").fill("web1");
  await developer.getByRole("button", { name: "Mint token" }).click();
  await expect(developer.getByTestId("minted-token")).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  await saveScreenshot(developer, testInfo, "teams-developer-minted");

  // The audit log is closed to the developer, page and export alike.
  await developer.goto(`/apps/${appId}/audit`);
  await expect(developer.getByText("Only app owners can read the audit log")).toBeVisible();
  await saveScreenshot(developer, testInfo, "teams-developer-audit-closed");
  const developerExport = await developer.request.get(`/api/console/apps/${appId}/audit/export`);
  expect(developerExport.status()).toBe(403);

  // The owner sees both of the developer's actions in the audit log.
  await page.goto(`/apps/${appId}/audit`);
  const rows = page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "invitation.accepted" }).filter({ hasText: developerEmail })).toHaveCount(1);
  const mintedRow = rows.filter({ hasText: "token.minted" }).filter({ hasText: developerEmail });
  await expect(mintedRow).toContainText("identity: qa-alice");
  await expect(mintedRow).toContainText("127.0.0.1");
  await expect(rows.filter({ hasText: "key.created" }).filter({ hasText: ownerEmail })).toHaveCount(1);
  await saveScreenshot(page, testInfo, "teams-owner-audit");
  await page.getByLabel("Action").selectOption("token.minted");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=token\.minted/);
  await expect(rows).toHaveCount(1);
  await saveScreenshot(page, testInfo, "teams-owner-audit-filtered");

  const csv = await page.request.get(`/api/console/apps/${appId}/audit/export?action=token.minted`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const csvLines = (await csv.text()).trim().split("\r\n");
  expect(csvLines[0]).toBe("time,actor_type,actor,actor_user_id,actor_key_id,action,target_type,target_id,ip,user_agent,details");
  expect(csvLines).toHaveLength(2);
  expect(csvLines[1]).toContain(`,USER,${developerEmail},`);

  // The owner sets the retention on the settings page.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Keep audit entries for (days)").fill("30");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await saveScreenshot(page, testInfo, "teams-owner-settings");

  // The owner removes the developer, who then gets 404 for the app.
  await page.goto(`/apps/${appId}/members`);
  await memberRow(page, developerEmail).getByRole("button", { name: "Remove" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Remove member?" });
  await expect(confirm).toContainText(developerEmail);
  await saveScreenshot(page, testInfo, "teams-owner-remove-dialog");
  await confirm.getByRole("button", { name: "Remove member" }).click();
  await expect(memberRow(page, developerEmail)).toHaveCount(0);
  await saveScreenshot(page, testInfo, "teams-owner-members-after-removal");

  const afterRemoval = await developer.goto(`/apps/${appId}/keys`);
  expect(afterRemoval?.status()).toBe(404);
  await saveScreenshot(developer, testInfo, "teams-developer-removed-404");
  await page.goto(`/apps/${appId}/audit?action=member.removed`);
  await expect(rows.filter({ hasText: developerEmail })).toHaveCount(1);

  await developerContext.close();
});

test("last owner cannot leave or be demoted", async ({ page }, testInfo) => {
  const ownerEmail = await signUp(page, uniqueEmail("solo-owner"));
  const appId = await createApp(page, "Solo app");

  await page.goto(`/apps/${appId}/members`);
  await memberRow(page, ownerEmail).getByLabel(`Role of ${ownerEmail}`, { exact: true }).selectOption("VIEWER");
  await memberRow(page, ownerEmail).getByRole("button", { name: `Save role of ${ownerEmail}` }).click();
  await expect(memberRow(page, ownerEmail).getByRole("alert")).toHaveText(
    `${ownerEmail} is the last owner of this app and cannot be demoted: make another member an owner first`,
  );

  await memberRow(page, ownerEmail).getByRole("button", { name: "Leave app" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Leave this app?" });
  await confirm.getByRole("button", { name: "Leave app" }).click();
  await expect(confirm.getByRole("alert")).toContainText("is the last owner of this app and cannot be removed");
  await saveScreenshot(page, testInfo, "teams-last-owner-refused");
});

test("password change and sign-out-all end other sessions", async ({ page, browser }, testInfo) => {
  const email = await signUp(page, uniqueEmail("account"));
  const otherContext = await browser.newContext();
  const otherBrowser = await otherContext.newPage();
  await signIn(otherBrowser, email);

  // Activity extends the session: each page load re-signs its cookie with a
  // later expiry.
  const sessionExpiry = async () => (await page.context().cookies()).find((cookie) => cookie.name === "authjs.session-token")?.expires ?? 0;
  const firstExpiry = await sessionExpiry();
  await expect
    .poll(async () => {
      await page.goto("/apps");
      return sessionExpiry();
    })
    .toBeGreaterThan(firstExpiry);

  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("the current password is incorrect")).toBeVisible();

  await page.getByLabel("Current password").fill(TEST_PASSWORD);
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
  await saveScreenshot(page, testInfo, "account-password-changed");

  // This browser stays signed in; the other one is signed out.
  await page.goto("/apps");
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
  await otherBrowser.goto("/apps");
  await expect(otherBrowser).toHaveURL(/\/sign-in\?callbackUrl=/);

  // The other browser signs in with the new password, then "sign out
  // everywhere" in the first one ends both sessions.
  await signIn(otherBrowser, email, "a brand new passphrase");
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await otherBrowser.goto("/apps");
  await expect(otherBrowser).toHaveURL(/\/sign-in\?callbackUrl=/);

  await otherContext.close();
});

test("signed-out callers get sign-in or 401", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });

  const consolePages = [
    "/apps",
    "/apps/any-app",
    "/apps/any-app/keys",
    "/apps/any-app/mint",
    "/apps/any-app/demo",
    "/apps/any-app/members",
    "/apps/any-app/audit",
    "/apps/any-app/settings",
    "/inspect",
    "/api-docs",
    "/account",
  ];
  for (const path of consolePages) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toContain(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }

  const consoleRoutes = [
    { method: "GET", path: "/api/console/apps" },
    { method: "POST", path: "/api/console/inspect" },
    { method: "GET", path: "/api/console/apps/any-app/audit/export" },
  ];
  for (const route of consoleRoutes) {
    const response = await anonymous.fetch(route.path, { method: route.method, data: route.method === "POST" ? { token: "x" } : undefined });
    expect(response.status(), route.path).toBe(401);
    expect(await response.json(), route.path).toMatchObject({ code: "unauthenticated" });
  }

  await anonymous.dispose();
});
