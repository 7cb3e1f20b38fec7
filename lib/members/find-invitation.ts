import "server-only";

import { getDb } from "@/lib/db/get-db";
import type { MemberRole } from "@/lib/generated/prisma/enums";

import { hashInvitationToken, isInvitationTokenShape } from "./invitation-token";

export type InvitationStatus = "pending" | "accepted" | "expired";

export interface InvitationView {
  appId: string;
  appName: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  status: InvitationStatus;
}

// Looks up the invitation behind a link, for the page that link opens. It
// needs no session: whoever holds the link may see which app and role it
// offers and to which email. Returns null for an unknown or revoked link.
export async function findInvitation(options: { token: unknown; now?: Date }): Promise<InvitationView | null> {
  if (!isInvitationTokenShape(options.token)) {
    return null;
  }

  const db = await getDb();
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(options.token) },
    select: { appId: true, email: true, role: true, expiresAt: true, acceptedAt: true, app: { select: { name: true } } },
  });
  if (!invitation) {
    return null;
  }

  const now = options.now ?? new Date();
  const status = readInvitationStatus(invitation, now);
  return {
    appId: invitation.appId,
    appName: invitation.app.name,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    status,
  };
}

function readInvitationStatus(invitation: { acceptedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (invitation.acceptedAt) {
    return "accepted";
  }
  return invitation.expiresAt <= now ? "expired" : "pending";
}
