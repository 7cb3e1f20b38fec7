import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { ConsoleError } from "@/lib/errors/console-error";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { lockAppMemberships } from "./lock-app-memberships";

// Deletes an invitation that was not accepted yet, so its link stops
// working. An accepted invitation is kept: it records how a member joined.
export async function revokeInvitation(options: { actor: Actor; appId: string; invitationId: string }): Promise<void> {
  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "member.manage" });

  const context = await currentRequestContext();
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await lockAppMemberships(tx, options.appId);

    const invitation = await tx.invitation.findFirst({
      where: { id: options.invitationId, appId: options.appId, acceptedAt: null },
      select: { email: true, role: true },
    });
    if (!invitation) {
      throw new ConsoleError(
        "not_found",
        `invitation '${options.invitationId}' was not found in this app, or was already accepted: reload the member list`,
        { field: "invitationId" },
      );
    }

    await tx.invitation.delete({ where: { id: options.invitationId } });
    await recordAuditEvent(
      {
        appId: options.appId,
        actor: userActor(options.actor),
        action: "invitation.revoked",
        target: { type: "invitation", id: options.invitationId },
        details: { email: invitation.email, role: invitation.role },
        context,
      },
      tx,
    );
  });

  logger.info({ appId: options.appId, invitationId: options.invitationId, userId: options.actor.id }, "revoked invitation");
}
