import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { ConsoleError } from "@/lib/errors/console-error";

// Locks the app's row until the transaction ends. Every change to an app's
// members and invitations takes this lock first, so two owners demoting each
// other at once cannot leave the app without an owner, and two adds of one
// person cannot both pass the "already a member" check.
export async function lockAppMemberships(tx: Prisma.TransactionClient, appId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "App" WHERE "id" = ${appId} FOR UPDATE`;

  if (rows.length === 0) {
    throw new ConsoleError("not_found", `app '${appId}' was not found`);
  }
}
