import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { ConsoleError } from "@/lib/errors/console-error";
import type { MemberRole } from "@/lib/generated/prisma/enums";

import { roleAllows, type AppAction } from "./permissions";

export interface AppAccess {
  app: { id: string; name: string };
  role: MemberRole;
}

// Checks that `actor` may take `action` on the app. A non-member gets 404, the
// same response as for an app that does not exist, so app IDs cannot be probed.
// A member whose role lacks the right gets 403.
export async function authorizeAppAction(options: { actor: Actor; appId: string; action: AppAction }): Promise<AppAccess> {
  const db = await getDb();

  const membership = await db.membership.findUnique({
    where: { appId_userId: { appId: options.appId, userId: options.actor.id } },
    select: { role: true, app: { select: { id: true, name: true } } },
  });

  if (!membership) {
    throw new ConsoleError("not_found", `app '${options.appId}' was not found`);
  }

  if (!roleAllows(membership.role, options.action)) {
    throw new ConsoleError("forbidden", `your role (${membership.role.toLowerCase()}) does not allow ${options.action} on this app`);
  }

  return { app: membership.app, role: membership.role };
}
