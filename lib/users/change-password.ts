import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { limitSignIn } from "@/lib/auth/limit-sign-in";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/get-db";
import { ConsoleError } from "@/lib/errors/console-error";
import { parseInput } from "@/lib/errors/parse-input";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";

import { changePasswordSchema } from "./account-input";

// Sets a new password after checking the current one, and raises the
// account's session version, which ends every session signed in with the old
// password. The caller signs the current browser in again if it should stay
// signed in. Attempts count against the sign-in rate limits, so a stolen
// session guesses the password no faster than the sign-in form allows.
export async function changePassword(options: { actor: Actor; input: unknown }): Promise<{ sessionVersion: number }> {
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, options.input);

  const context = await currentRequestContext();
  limitSignIn({ email: options.actor.email, clientIp: context.ip ?? "unknown" });

  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: options.actor.id }, select: { passwordHash: true } });
  if (!user) {
    throw new ConsoleError("unauthenticated", "your account no longer exists: sign in again");
  }

  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new ConsoleError("invalid_input", "the current password is incorrect", { field: "currentPassword" });
  }

  const passwordHash = await hashPassword(newPassword);
  const updated = await db.user.update({
    where: { id: options.actor.id },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });

  logger.info({ userId: options.actor.id }, "changed password and ended other sessions");
  return updated;
}
