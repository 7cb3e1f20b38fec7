import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

export interface InvitationSummary {
  id: string;
  email: string;
  role: MemberRole;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
}

// Lists the app's invitations that were not accepted, newest first, with
// expired ones marked so an owner can tidy them up. The links themselves
// cannot be shown again: only their hashes are stored.
export async function listInvitations(options: { actor: Actor; appId: string; now?: Date }): Promise<InvitationSummary[]> {
  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "member.manage" });

  const now = options.now ?? new Date();
  const db = await getDb();
  const invitations = await db.invitation.findMany({
    where: { appId: options.appId, acceptedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
  });

  return invitations.map((invitation) => ({ ...invitation, expired: invitation.expiresAt <= now }));
}
