import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import { normalizeEmail } from "@/lib/auth/email";
import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { ConsoleError } from "@/lib/errors/console-error";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";

import { hashInvitationToken, isInvitationTokenShape } from "./invitation-token";
import { lockAppMemberships } from "./lock-app-memberships";

const INVALID_LINK = "this invitation link is not valid: it may have been revoked or copied incompletely; ask an app owner for a new link";

// Makes the signed-in `actor` a member through an invitation link. The link
// works once, until it expires, and only for the account whose email it was
// made for (compared case-insensitively).
export async function acceptInvitation(options: {
  actor: Actor;
  token: unknown;
  now?: Date;
}): Promise<{ appId: string; appName: string; role: MemberRole }> {
  if (!isInvitationTokenShape(options.token)) {
    throw new ConsoleError("not_found", INVALID_LINK);
  }
  const tokenHash = hashInvitationToken(options.token);
  const now = options.now ?? new Date();
  const context = await currentRequestContext();

  const db = await getDb();
  const result = await db.$transaction(async (tx) => {
    const found = await tx.invitation.findUnique({ where: { tokenHash }, select: { appId: true } });
    if (!found) {
      throw new ConsoleError("not_found", INVALID_LINK);
    }

    // Read the invitation again under the app lock, so of two accepts at
    // once the second reads the first one's acceptedAt.
    await lockAppMemberships(tx, found.appId);
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash },
      select: { id: true, appId: true, email: true, role: true, expiresAt: true, acceptedAt: true, app: { select: { name: true } } },
    });
    if (!invitation) {
      throw new ConsoleError("not_found", INVALID_LINK);
    }
    if (invitation.acceptedAt) {
      throw new ConsoleError("conflict", "this invitation link was already used: each link works once; ask an app owner for a new one");
    }
    if (invitation.expiresAt <= now) {
      throw new ConsoleError(
        "conflict",
        `this invitation expired on ${invitation.expiresAt.toISOString()}: ask an owner of ${invitation.app.name} for a new link`,
      );
    }
    if (normalizeEmail(options.actor.email) !== invitation.email) {
      throw new ConsoleError(
        "forbidden",
        `this invitation is for ${invitation.email}, but you are signed in as ${options.actor.email}: sign in with the invited email, or ask for an invitation to your own`,
      );
    }

    const existing = await tx.membership.findUnique({
      where: { appId_userId: { appId: invitation.appId, userId: options.actor.id } },
      select: { role: true },
    });
    if (existing) {
      throw new ConsoleError(
        "conflict",
        `you are already a member of ${invitation.app.name} as ${existing.role.toLowerCase()}: an owner can change your role instead`,
      );
    }

    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } });
    await tx.membership.create({ data: { appId: invitation.appId, userId: options.actor.id, role: invitation.role } });
    await recordAuditEvent(
      {
        appId: invitation.appId,
        actor: userActor(options.actor),
        action: "invitation.accepted",
        target: { type: "user", id: options.actor.id },
        details: { email: invitation.email, role: invitation.role, invitationId: invitation.id },
        context,
      },
      tx,
    );

    return { appId: invitation.appId, appName: invitation.app.name, role: invitation.role };
  });

  logger.info({ appId: result.appId, userId: options.actor.id, role: result.role }, "accepted invitation");
  return result;
}
