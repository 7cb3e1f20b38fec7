import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/get-db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { ConsoleError } from "@/lib/errors/console-error";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { currentRequestContext } from "@/lib/http/request-context";

import { lockAppMemberships } from "./lock-app-memberships";

// Makes a user a member of an app on an operator's word, with no signed-in
// owner involved: `npm run user:create --app` uses it on a console that has no
// accounts yet. The audit entry names `operator` as the actor.
export async function grantMembership(options: { operator: string; appId: string; userId: string; role: MemberRole }): Promise<void> {
  const context = await currentRequestContext();
  const db = await getDb();

  try {
    await db.$transaction(async (tx) => {
      await lockAppMemberships(tx, options.appId);

      const user = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { email: true } });
      await tx.membership.create({ data: { appId: options.appId, userId: options.userId, role: options.role } });
      await recordAuditEvent(
        {
          appId: options.appId,
          actor: { type: "ANONYMOUS", label: options.operator },
          action: "member.added",
          target: { type: "user", id: options.userId },
          details: { email: user.email, role: options.role },
          context,
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConsoleError("conflict", `user '${options.userId}' is already a member of app '${options.appId}'`);
    }
    throw error;
  }
}
