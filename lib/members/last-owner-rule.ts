import "server-only";

import { ConsoleError } from "@/lib/errors/console-error";
import type { Prisma } from "@/lib/generated/prisma/client";

// Throws a 409 unless the app has an owner besides the one about to be
// demoted or removed. Call it after lockAppMemberships, so the count cannot
// change before the transaction commits.
export async function assertAnotherOwnerRemains(
  tx: Prisma.TransactionClient,
  options: { appId: string; email: string; change: "demoted" | "removed" },
): Promise<void> {
  const owners = await tx.membership.count({ where: { appId: options.appId, role: "OWNER" } });

  if (owners <= 1) {
    throw new ConsoleError(
      "conflict",
      `${options.email} is the last owner of this app and cannot be ${options.change}: make another member an owner first`,
      { field: "userId" },
    );
  }
}
