import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

export interface MemberSummary {
  userId: string;
  email: string;
  name: string | null;
  role: MemberRole;
  joinedAt: Date;
}

const ROLE_ORDER: Record<MemberRole, number> = { OWNER: 0, DEVELOPER: 1, VIEWER: 2 };

// Lists the app's members, owners first, then by email.
export async function listMembers(options: { actor: Actor; appId: string }): Promise<MemberSummary[]> {
  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "member.list" });

  const db = await getDb();
  const memberships = await db.membership.findMany({
    where: { appId: options.appId },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });

  return memberships
    .map(({ role, createdAt, user }) => ({ userId: user.id, email: user.email, name: user.name, role, joinedAt: createdAt }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.email.localeCompare(b.email));
}
