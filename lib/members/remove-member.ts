import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { assertAnotherOwnerRemains } from "./last-owner-rule";
import { lockMembership } from "./lock-membership";

// Removes a member from the app. Owners remove anyone; every member may
// remove themselves (leave). The last owner can do neither, so an app is
// never left without an owner.
export async function removeMember(options: { actor: Actor; appId: string; userId: string }): Promise<void> {
  const leaving = options.userId === options.actor.id;

  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: leaving ? "member.leave" : "member.manage" });

  const context = await currentRequestContext();
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const membership = await lockMembership(tx, { appId: options.appId, userId: options.userId });
    if (membership.role === "OWNER") {
      await assertAnotherOwnerRemains(tx, { appId: options.appId, email: membership.email, change: "removed" });
    }

    await tx.membership.delete({ where: { appId_userId: { appId: options.appId, userId: options.userId } } });
    await recordAuditEvent(
      {
        appId: options.appId,
        actor: userActor(options.actor),
        action: "member.removed",
        target: { type: "user", id: options.userId },
        details: { email: membership.email, role: membership.role, left: leaving },
        context,
      },
      tx,
    );
  });

  logger.info({ appId: options.appId, memberId: options.userId, userId: options.actor.id, left: leaving }, "removed app member");
}
