import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/get-db";
import { AUDIT_TABLE_MISSING, withAuditTableRenamed } from "@/lib/testing/audit-table-renamed";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createTestApp, createTestUser, readAuditEvents, uniqueTestEmail } from "@/lib/testing/team-fixtures";

import { addMember } from "./add-member";
import { hashInvitationToken, INVITATION_TTL_MS } from "./invitation-token";
import { listMembers } from "./list-members";

useTempDatabase();

describe("addMember", () => {
  it("adds an existing account at once", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);
    const colleague = await createTestUser("colleague");

    const result = await addMember({ actor: owner, appId, input: { email: colleague.email.toUpperCase(), role: "developer" } });

    expect(result).toMatchObject({ kind: "added", userId: colleague.id, role: "DEVELOPER" });
    const members = await listMembers({ actor: owner, appId });
    expect(members.map((member) => [member.email, member.role])).toContainEqual([colleague.email, "DEVELOPER"]);
  });

  it("records member.added with the added email", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);
    const colleague = await createTestUser("colleague");

    await addMember({ actor: owner, appId, input: { email: colleague.email, role: "viewer" } });

    const [entry] = await readAuditEvents(appId, "member.added");
    expect(entry).toMatchObject({ actorUserId: owner.id, actorLabel: owner.email, targetType: "user", targetId: colleague.id });
    expect(entry?.details).toEqual({ email: colleague.email, role: "VIEWER" });
  });

  it("invites an unknown email with a hashed token", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);
    const email = uniqueTestEmail("newcomer");
    const before = Date.now();

    const result = await addMember({ actor: owner, appId, input: { email, role: "viewer" } });

    if (result.kind !== "invited") {
      throw new Error(`expected an invitation, got ${result.kind}`);
    }
    expect(Buffer.from(result.token, "base64url")).toHaveLength(32);
    expect(result.expiresAt.getTime()).toBeGreaterThanOrEqual(before + INVITATION_TTL_MS);
    const row = await (await getDb()).invitation.findUniqueOrThrow({ where: { id: result.invitationId } });
    expect(row.tokenHash).toBe(hashInvitationToken(result.token));
    expect(JSON.stringify(row)).not.toContain(result.token);
  });

  it("records invitation.created without the token", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);

    const result = await addMember({ actor: owner, appId, input: { email: uniqueTestEmail("newcomer"), role: "viewer" } });

    if (result.kind !== "invited") {
      throw new Error(`expected an invitation, got ${result.kind}`);
    }
    const entries = await readAuditEvents(appId, "invitation.created");
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(result.token);
  });

  it("adds no one when the audit entry fails", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);
    const colleague = await createTestUser("colleague");

    await expect(
      withAuditTableRenamed(() => addMember({ actor: owner, appId, input: { email: colleague.email, role: "viewer" } })),
    ).rejects.toMatchObject(AUDIT_TABLE_MISSING);

    const members = await listMembers({ actor: owner, appId });
    expect(members.map((member) => member.email)).toEqual([owner.email]);
  });

  it("creates no invitation when the audit entry fails", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);
    const email = uniqueTestEmail("newcomer");

    await expect(withAuditTableRenamed(() => addMember({ actor: owner, appId, input: { email, role: "viewer" } }))).rejects.toMatchObject(
      AUDIT_TABLE_MISSING,
    );

    expect(await (await getDb()).invitation.count({ where: { appId } })).toBe(0);
    await expect(addMember({ actor: owner, appId, input: { email, role: "viewer" } })).resolves.toMatchObject({ kind: "invited" });
  });

  it("rejects an existing member with 409", async () => {
    const owner = await createTestUser("owner");
    const colleague = await createTestUser("colleague");
    const appId = await createTestApp(owner, [{ actor: colleague, role: "VIEWER" }]);

    await expect(addMember({ actor: owner, appId, input: { email: colleague.email, role: "developer" } })).rejects.toMatchObject({
      code: "conflict",
      field: "email",
      message: expect.stringMatching(/already a member of this app as viewer/),
    });
  });

  it("rejects a second pending invitation", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);
    const email = uniqueTestEmail("newcomer");
    await addMember({ actor: owner, appId, input: { email, role: "viewer" } });

    await expect(addMember({ actor: owner, appId, input: { email, role: "developer" } })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already pending.*revoke it first/),
    });
  });

  it("lets one of concurrent adds win", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);
    const colleague = await createTestUser("colleague");

    const results = await Promise.allSettled(
      [1, 2, 3].map(() => addMember({ actor: owner, appId, input: { email: colleague.email, role: "developer" } })),
    );

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const reasons = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(reasons).toHaveLength(2);
    for (const reason of reasons) {
      expect(reason).toMatchObject({ code: "conflict", message: expect.stringMatching(/already a member/) });
    }
    expect(await readAuditEvents(appId, "member.added")).toHaveLength(1);
  });

  it("lets one of concurrent invitations win", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);
    const email = uniqueTestEmail("newcomer");

    const results = await Promise.allSettled([1, 2].map(() => addMember({ actor: owner, appId, input: { email, role: "viewer" } })));

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await (await getDb()).invitation.count({ where: { appId } })).toBe(1);
  });

  it.each([
    ["an invalid email", { email: "not-an-email", role: "viewer" }, "email"],
    ["an unknown role", { email: "a@example.test", role: "admin" }, "role"],
    ["a missing role", { email: "a@example.test" }, "role"],
  ])("rejects %s", async (_name, input, field) => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);

    await expect(addMember({ actor: owner, appId, input })).rejects.toMatchObject({ code: "invalid_input", field });
  });
});
