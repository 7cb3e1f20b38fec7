import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import type { MemberRole } from "@/lib/generated/prisma/enums";

export interface AppSummary {
  id: string;
  name: string;
  role: MemberRole;
  createdAt: Date;
  activeKeyCount: number;
}

// Lists the apps `actor` belongs to, newest first.
export async function listApps(options: { actor: Actor }): Promise<AppSummary[]> {
  const db = await getDb();

  const memberships = await db.membership.findMany({
    where: { userId: options.actor.id },
    orderBy: { app: { createdAt: "desc" } },
    select: {
      role: true,
      app: {
        select: { id: true, name: true, createdAt: true, _count: { select: { keys: { where: { status: "ACTIVE" } } } } },
      },
    },
  });

  return memberships.map(({ role, app }) => ({
    id: app.id,
    name: app.name,
    role,
    createdAt: app.createdAt,
    activeKeyCount: app._count.keys,
  }));
}
