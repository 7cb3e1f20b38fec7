import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { parseInput } from "@/lib/errors/parse-input";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { assertAnotherOwnerRemains } from "./last-owner-rule";
import { lockMembership } from "./lock-membership";
import { changeMemberRoleSchema } from "./member-input";

// Changes a member's role. The app's last owner cannot be demoted, so an app
// always has someone who can manage it.
export async function changeMemberRole(options: { actor: Actor; appId: string; userId: string; input: unknown }): Promise<{ role: MemberRole }> {
  const { role } = parseInput(changeMemberRoleSchema, options.input);

  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "member.manage" });

  const context = await currentRequestContext();
  const db = await getDb();
  const changed = await db.$transaction(async (tx) => {
    const membership = await lockMembership(tx, { appId: options.appId, userId: options.userId });
    if (membership.role === role) {
      return false;
    }
    if (membership.role === "OWNER") {
      await assertAnotherOwnerRemains(tx, { appId: options.appId, email: membership.email, change: "demoted" });
    }

    await tx.membership.update({ where: { appId_userId: { appId: options.appId, userId: options.userId } }, data: { role } });
    await recordAuditEvent(
      {
        appId: options.appId,
        actor: userActor(options.actor),
        action: "member.role_changed",
        target: { type: "user", id: options.userId },
        details: { email: membership.email, from: membership.role, to: role },
        context,
      },
      tx,
    );
    return true;
  });

  if (changed) {
    logger.info({ appId: options.appId, memberId: options.userId, role, userId: options.actor.id }, "changed member role");
  }
  return { role };
}
