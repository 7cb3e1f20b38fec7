import "server-only";

import { ConsoleError } from "@/lib/errors/console-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MemberRole } from "@/lib/generated/prisma/enums";

import { lockAppMemberships } from "./lock-app-memberships";

// Locks the app's memberships (see lockAppMemberships) and returns the role
// and email of the member about to change, or throws 404 if `userId` is not
// a member.
export async function lockMembership(
  tx: Prisma.TransactionClient,
  options: { appId: string; userId: string },
): Promise<{ role: MemberRole; email: string }> {
  await lockAppMemberships(tx, options.appId);

  const membership = await tx.membership.findUnique({
    where: { appId_userId: { appId: options.appId, userId: options.userId } },
    select: { role: true, user: { select: { email: true } } },
  });
  if (!membership) {
    throw new ConsoleError("not_found", `user '${options.userId}' is not a member of this app: reload the member list`, { field: "userId" });
  }

  return { role: membership.role, email: membership.user.email };
}
