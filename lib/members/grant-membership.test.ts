import { describe, expect, it } from "vitest";

import { AUDIT_TABLE_MISSING, withAuditTableRenamed } from "@/lib/testing/audit-table-renamed";
import { createTestApp, createTestUser, readAuditEvents } from "@/lib/testing/team-fixtures";
import { useTempDatabase } from "@/lib/testing/temp-database";

import { grantMembership } from "./grant-membership";
import { listMembers } from "./list-members";

useTempDatabase();

describe("grantMembership", () => {
  it("adds the user and records the operator", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);
    const developer = await createTestUser("developer");

    await grantMembership({ operator: "test operator", appId, userId: developer.id, role: "DEVELOPER" });

    const members = await listMembers({ actor: owner, appId });
    expect(members.map((member) => [member.email, member.role])).toContainEqual([developer.email, "DEVELOPER"]);
    const entries = await readAuditEvents(appId, "member.added");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorType: "ANONYMOUS", actorLabel: "test operator", targetType: "user", targetId: developer.id });
  });

  it("adds no one when the audit entry fails", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);
    const developer = await createTestUser("developer");

    await expect(
      withAuditTableRenamed(() => grantMembership({ operator: "test operator", appId, userId: developer.id, role: "DEVELOPER" })),
    ).rejects.toMatchObject(AUDIT_TABLE_MISSING);

    const members = await listMembers({ actor: owner, appId });
    expect(members.map((member) => member.email)).toEqual([owner.email]);
  });
});
