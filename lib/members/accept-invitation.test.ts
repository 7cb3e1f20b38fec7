import { describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { AUDIT_TABLE_MISSING, withAuditTableRenamed } from "@/lib/testing/audit-table-renamed";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createTestApp, createTestUser, readAuditEvents, TEST_PASSWORD, uniqueTestEmail } from "@/lib/testing/team-fixtures";
import { createUser } from "@/lib/users/create-user";

import { acceptInvitation } from "./accept-invitation";
import { addMember } from "./add-member";
import { findInvitation } from "./find-invitation";
import { INVITATION_TTL_MS } from "./invitation-token";
import { revokeInvitation } from "./revoke-invitation";

useTempDatabase();

// Invites an email that has no account yet, as an owner does, then creates
// the account for it.
async function invite(options: { emailCase?: "upper" } = {}) {
  const owner = await createTestUser("owner");
  const appId = await createTestApp(owner);
  const email = uniqueTestEmail("invitee");

  const result = await addMember({ actor: owner, appId, input: { email: options.emailCase === "upper" ? email.toUpperCase() : email, role: "developer" } });
  if (result.kind !== "invited") {
    throw new Error(`expected an invitation, got ${result.kind}`);
  }
  const created = await createUser({ email, password: TEST_PASSWORD });
  const invitee: Actor = { id: created.id, email: created.email, name: null };

  return { owner, appId, invitee, invitation: result };
}

async function isMember(appId: string, actor: Actor): Promise<boolean> {
  return (await (await getDb()).membership.count({ where: { appId, userId: actor.id } })) === 1;
}

describe("acceptInvitation", () => {
  it("makes the invited account a member", async () => {
    const { appId, invitee, invitation } = await invite();

    const joined = await acceptInvitation({ actor: invitee, token: invitation.token });

    expect(joined).toMatchObject({ appId, role: "DEVELOPER" });
    expect(await isMember(appId, invitee)).toBe(true);
  });

  it("records invitation.accepted", async () => {
    const { appId, invitee, invitation } = await invite();

    await acceptInvitation({ actor: invitee, token: invitation.token });

    const [entry] = await readAuditEvents(appId, "invitation.accepted");
    expect(entry).toMatchObject({ actorUserId: invitee.id, targetId: invitee.id });
    expect(entry?.details).toMatchObject({ email: invitee.email, role: "DEVELOPER" });
  });

  it("leaves the link unused when the audit entry fails", async () => {
    const { appId, invitee, invitation } = await invite();

    await expect(withAuditTableRenamed(() => acceptInvitation({ actor: invitee, token: invitation.token }))).rejects.toMatchObject(
      AUDIT_TABLE_MISSING,
    );

    expect(await isMember(appId, invitee)).toBe(false);
    expect(await findInvitation({ token: invitation.token })).toMatchObject({ status: "pending" });
    await expect(acceptInvitation({ actor: invitee, token: invitation.token })).resolves.toMatchObject({ appId });
  });

  it("matches the email case-insensitively", async () => {
    const { appId, invitee, invitation } = await invite({ emailCase: "upper" });

    await acceptInvitation({ actor: { ...invitee, email: invitee.email.toUpperCase() }, token: invitation.token });

    expect(await isMember(appId, invitee)).toBe(true);
  });

  it("works only once", async () => {
    const { invitee, invitation } = await invite();
    await acceptInvitation({ actor: invitee, token: invitation.token });

    await expect(acceptInvitation({ actor: invitee, token: invitation.token })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already used/),
    });
  });

  it("rejects an expired link", async () => {
    const { appId, invitee, invitation } = await invite();
    const later = new Date(Date.now() + INVITATION_TTL_MS + 1000);

    await expect(acceptInvitation({ actor: invitee, token: invitation.token, now: later })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/expired on .*ask an owner/),
    });
    expect(await isMember(appId, invitee)).toBe(false);
  });

  it("rejects another account's email", async () => {
    const { appId, invitation } = await invite();
    const someoneElse = await createTestUser("someone-else");

    await expect(acceptInvitation({ actor: someoneElse, token: invitation.token })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining(`you are signed in as ${someoneElse.email}`),
    });
    expect(await isMember(appId, someoneElse)).toBe(false);
  });

  it("rejects a revoked link", async () => {
    const { owner, appId, invitee, invitation } = await invite();
    await revokeInvitation({ actor: owner, appId, invitationId: invitation.invitationId });

    await expect(acceptInvitation({ actor: invitee, token: invitation.token })).rejects.toMatchObject({ code: "not_found" });
  });

  it.each([
    ["a wrong token", "A".repeat(43)],
    ["a short token", "abc"],
    ["a non-string", 42],
  ])("rejects %s as not found", async (_name, token) => {
    const { invitee } = await invite();

    await expect(acceptInvitation({ actor: invitee, token })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets one of concurrent accepts win", async () => {
    const { appId, invitee, invitation } = await invite();

    const results = await Promise.allSettled([1, 2, 3].map(() => acceptInvitation({ actor: invitee, token: invitation.token })));

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((entry) => entry.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    }
    expect(await readAuditEvents(appId, "invitation.accepted")).toHaveLength(1);
  });
});

describe("findInvitation", () => {
  it("describes a pending link", async () => {
    const { invitee, invitation } = await invite();

    const found = await findInvitation({ token: invitation.token });

    expect(found).toMatchObject({ email: invitee.email, role: "DEVELOPER", status: "pending" });
  });

  it("marks a used link accepted", async () => {
    const { invitee, invitation } = await invite();
    await acceptInvitation({ actor: invitee, token: invitation.token });

    expect(await findInvitation({ token: invitation.token })).toMatchObject({ status: "accepted" });
  });

  it("marks an old link expired", async () => {
    const { invitation } = await invite();

    const found = await findInvitation({ token: invitation.token, now: new Date(Date.now() + INVITATION_TTL_MS + 1000) });

    expect(found).toMatchObject({ status: "expired" });
  });

  it("returns null for an unknown link", async () => {
    expect(await findInvitation({ token: "B".repeat(43) })).toBeNull();
  });
});
