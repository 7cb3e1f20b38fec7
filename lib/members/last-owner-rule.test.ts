import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/get-db";
import { AUDIT_TABLE_MISSING, withAuditTableRenamed } from "@/lib/testing/audit-table-renamed";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createTestApp, createTestUser, readAuditEvents } from "@/lib/testing/team-fixtures";

import { changeMemberRole } from "./change-member-role";
import { removeMember } from "./remove-member";

useTempDatabase();

async function ownerCount(appId: string): Promise<number> {
  return (await getDb()).membership.count({ where: { appId, role: "OWNER" } });
}

describe("last owner rule", () => {
  it("refuses to demote the last owner", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);

    await expect(changeMemberRole({ actor: owner, appId, userId: owner.id, input: { role: "developer" } })).rejects.toMatchObject({
      code: "conflict",
      message: `${owner.email} is the last owner of this app and cannot be demoted: make another member an owner first`,
    });
    expect(await ownerCount(appId)).toBe(1);
  });

  it("refuses to let the last owner leave", async () => {
    const owner = await createTestUser("owner");
    const developer = await createTestUser("developer");
    const appId = await createTestApp(owner, [{ actor: developer, role: "DEVELOPER" }]);

    await expect(removeMember({ actor: owner, appId, userId: owner.id })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/last owner of this app and cannot be removed/),
    });
  });

  it("lets an owner leave when another remains", async () => {
    const owner = await createTestUser("owner");
    const coOwner = await createTestUser("co-owner");
    const appId = await createTestApp(owner, [{ actor: coOwner, role: "OWNER" }]);

    await removeMember({ actor: owner, appId, userId: owner.id });

    expect(await ownerCount(appId)).toBe(1);
    const [entry] = await readAuditEvents(appId, "member.removed");
    expect(entry?.details).toMatchObject({ email: owner.email, role: "OWNER", left: true });
  });

  it("keeps one owner when two demote each other", async () => {
    const owner = await createTestUser("owner");
    const coOwner = await createTestUser("co-owner");
    const appId = await createTestApp(owner, [{ actor: coOwner, role: "OWNER" }]);

    const results = await Promise.allSettled([
      changeMemberRole({ actor: owner, appId, userId: coOwner.id, input: { role: "viewer" } }),
      changeMemberRole({ actor: coOwner, appId, userId: owner.id, input: { role: "viewer" } }),
    ]);

    expect(await ownerCount(appId)).toBe(1);
    const rejected = results.filter((result) => result.status === "rejected");
    expect(rejected).toHaveLength(1);
    // The loser is either refused as the last owner or no longer an owner.
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: expect.stringMatching(/^(conflict|forbidden)$/) });
  });
});

describe("changeMemberRole", () => {
  it("records the old and new role", async () => {
    const owner = await createTestUser("owner");
    const viewer = await createTestUser("viewer");
    const appId = await createTestApp(owner, [{ actor: viewer, role: "VIEWER" }]);

    await changeMemberRole({ actor: owner, appId, userId: viewer.id, input: { role: "developer" } });

    const [entry] = await readAuditEvents(appId, "member.role_changed");
    expect(entry).toMatchObject({ actorUserId: owner.id, targetId: viewer.id });
    expect(entry?.details).toEqual({ email: viewer.email, from: "VIEWER", to: "DEVELOPER" });
  });

  it("keeps the old role when its audit entry fails", async () => {
    const owner = await createTestUser("owner");
    const viewer = await createTestUser("viewer");
    const appId = await createTestApp(owner, [{ actor: viewer, role: "VIEWER" }]);

    await expect(
      withAuditTableRenamed(() => changeMemberRole({ actor: owner, appId, userId: viewer.id, input: { role: "developer" } })),
    ).rejects.toMatchObject(AUDIT_TABLE_MISSING);

    const membership = await (await getDb()).membership.findUniqueOrThrow({ where: { appId_userId: { appId, userId: viewer.id } } });
    expect(membership.role).toBe("VIEWER");
  });

  it("records nothing for the same role", async () => {
    const owner = await createTestUser("owner");
    const viewer = await createTestUser("viewer");
    const appId = await createTestApp(owner, [{ actor: viewer, role: "VIEWER" }]);

    await changeMemberRole({ actor: owner, appId, userId: viewer.id, input: { role: "viewer" } });

    expect(await readAuditEvents(appId, "member.role_changed")).toHaveLength(0);
  });

  it("answers not found for a non-member", async () => {
    const owner = await createTestUser("owner");
    const stranger = await createTestUser("stranger");
    const appId = await createTestApp(owner);

    await expect(changeMemberRole({ actor: owner, appId, userId: stranger.id, input: { role: "viewer" } })).rejects.toMatchObject({
      code: "not_found",
      field: "userId",
    });
  });
});

describe("removeMember", () => {
  it("removes the member and records it", async () => {
    const owner = await createTestUser("owner");
    const developer = await createTestUser("developer");
    const appId = await createTestApp(owner, [{ actor: developer, role: "DEVELOPER" }]);

    await removeMember({ actor: owner, appId, userId: developer.id });

    expect(await (await getDb()).membership.count({ where: { appId, userId: developer.id } })).toBe(0);
    const [entry] = await readAuditEvents(appId, "member.removed");
    expect(entry).toMatchObject({ actorUserId: owner.id, targetId: developer.id });
    expect(entry?.details).toEqual({ email: developer.email, role: "DEVELOPER", left: false });
  });

  it("keeps the member when its audit entry fails", async () => {
    const owner = await createTestUser("owner");
    const developer = await createTestUser("developer");
    const appId = await createTestApp(owner, [{ actor: developer, role: "DEVELOPER" }]);

    await expect(withAuditTableRenamed(() => removeMember({ actor: owner, appId, userId: developer.id }))).rejects.toMatchObject(
      AUDIT_TABLE_MISSING,
    );

    expect(await (await getDb()).membership.count({ where: { appId, userId: developer.id } })).toBe(1);
  });

  it("leaves the removed member with 404", async () => {
    const owner = await createTestUser("owner");
    const developer = await createTestUser("developer");
    const appId = await createTestApp(owner, [{ actor: developer, role: "DEVELOPER" }]);

    await removeMember({ actor: owner, appId, userId: developer.id });

    await expect(removeMember({ actor: developer, appId, userId: developer.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
