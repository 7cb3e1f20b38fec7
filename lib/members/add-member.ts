import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import { normalizeEmail } from "@/lib/auth/email";
import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { ConsoleError } from "@/lib/errors/console-error";
import { parseInput } from "@/lib/errors/parse-input";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { generateInvitationToken, hashInvitationToken, INVITATION_TTL_MS } from "./invitation-token";
import { lockAppMemberships } from "./lock-app-memberships";
import { addMemberSchema } from "./member-input";

export type AddMemberResult =
  | { kind: "added"; userId: string; email: string; role: MemberRole }
  // `token` goes into the invitation link, which the owner copies. It is
  // returned this once and only its hash is stored.
  | { kind: "invited"; invitationId: string; email: string; role: MemberRole; token: string; expiresAt: Date };

// Adds a person to the app by email. An existing account joins at once; an
// unknown email gets a pending invitation that works once within 7 days.
// Adding someone who is already a member, or who already has a pending
// invitation, is a 409, also when two owners add the same person at once.
export async function addMember(options: { actor: Actor; appId: string; input: unknown }): Promise<AddMemberResult> {
  const input = parseInput(addMemberSchema, options.input);
  const email = normalizeEmail(input.email);

  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "member.manage" });

  const context = await currentRequestContext();
  const db = await getDb();
  try {
    const result = await db.$transaction(async (tx): Promise<AddMemberResult> => {
      await lockAppMemberships(tx, options.appId);

      const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
      if (user) {
        const existing = await tx.membership.findUnique({
          where: { appId_userId: { appId: options.appId, userId: user.id } },
          select: { role: true },
        });
        if (existing) {
          throw alreadyMember(email, existing.role);
        }

        await tx.membership.create({ data: { appId: options.appId, userId: user.id, role: input.role } });
        await recordAuditEvent(
          {
            appId: options.appId,
            actor: userActor(options.actor),
            action: "member.added",
            target: { type: "user", id: user.id },
            details: { email, role: input.role },
            context,
          },
          tx,
        );
        return { kind: "added", userId: user.id, email, role: input.role };
      }

      const pending = await tx.invitation.findFirst({
        where: { appId: options.appId, email, acceptedAt: null, expiresAt: { gt: new Date() } },
        select: { expiresAt: true },
      });
      if (pending) {
        throw new ConsoleError(
          "conflict",
          `an invitation for ${email} is already pending until ${pending.expiresAt.toISOString()}: revoke it first to make a new link`,
          { field: "email" },
        );
      }

      const token = generateInvitationToken();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
      const invitation = await tx.invitation.create({
        data: { appId: options.appId, email, role: input.role, tokenHash: hashInvitationToken(token), expiresAt, createdById: options.actor.id },
        select: { id: true },
      });
      await recordAuditEvent(
        {
          appId: options.appId,
          actor: userActor(options.actor),
          action: "invitation.created",
          target: { type: "invitation", id: invitation.id },
          details: { email, role: input.role, expiresAt: expiresAt.toISOString() },
          context,
        },
        tx,
      );
      return { kind: "invited", invitationId: invitation.id, email, role: input.role, token, expiresAt };
    });

    logger.info({ appId: options.appId, userId: options.actor.id, kind: result.kind, role: result.role }, "added app member");
    return result;
  } catch (error) {
    // The app lock already serializes adds; the unique index on
    // (appId, userId) is the last line if a write slips past it.
    if (isUniqueViolation(error)) {
      throw alreadyMember(email, null);
    }
    throw error;
  }
}

function alreadyMember(email: string, role: MemberRole | null): ConsoleError {
  const asRole = role ? ` as ${role.toLowerCase()}` : "";
  return new ConsoleError("conflict", `${email} is already a member of this app${asRole}: change their role in the member list instead`, {
    field: "email",
  });
}
