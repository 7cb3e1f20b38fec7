import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { logger } from "@/lib/log/logger";

// Ends every session of the account, in every browser, by raising its
// session version ("sign out everywhere"). Sessions are JWTs that the server
// keeps no list of, so they are refused on their next request instead.
export async function endAllSessions(options: { actor: Actor }): Promise<{ sessionVersion: number }> {
  const db = await getDb();
  const updated = await db.user.update({
    where: { id: options.actor.id },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });

  logger.info({ userId: options.actor.id }, "ended all sessions");
  return updated;
}
