import { describe, expect, it } from "vitest";

import { AUDIT_TABLE_MISSING, withAuditTableRenamed } from "@/lib/testing/audit-table-renamed";
import { createTestApp, createTestUser, readAuditEvents, uniqueTestEmail } from "@/lib/testing/team-fixtures";
import { useTempDatabase } from "@/lib/testing/temp-database";

import { addMember } from "./add-member";
import { findInvitation } from "./find-invitation";
import { revokeInvitation } from "./revoke-invitation";

useTempDatabase();

async function pendingInvitation() {
  const owner = await createTestUser("owner");
  const appId = await createTestApp(owner);
  const email = uniqueTestEmail("invitee");

  const result = await addMember({ actor: owner, appId, input: { email, role: "viewer" } });
  if (result.kind !== "invited") {
    throw new Error(`expected an invitation, got ${result.kind}`);
  }
  return { owner, appId, email, invitation: result };
}

describe("revokeInvitation", () => {
  it("deletes the link and records invitation.revoked", async () => {
    const { owner, appId, email, invitation } = await pendingInvitation();

    await revokeInvitation({ actor: owner, appId, invitationId: invitation.invitationId });

    expect(await findInvitation({ token: invitation.token })).toBeNull();
    const entries = await readAuditEvents(appId, "invitation.revoked");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: owner.id, targetType: "invitation", targetId: invitation.invitationId });
    expect(entries[0]?.details).toEqual({ email, role: "VIEWER" });
  });

  it("keeps the link when its audit entry fails", async () => {
    const { owner, appId, invitation } = await pendingInvitation();

    await expect(
      withAuditTableRenamed(() => revokeInvitation({ actor: owner, appId, invitationId: invitation.invitationId })),
    ).rejects.toMatchObject(AUDIT_TABLE_MISSING);

    expect(await findInvitation({ token: invitation.token })).toMatchObject({ status: "pending" });
  });
});
