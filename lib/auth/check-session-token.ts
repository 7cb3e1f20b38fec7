import "server-only";

import type { JWT } from "next-auth/jwt";

import { getDb } from "@/lib/db/get-db";
import { logger } from "@/lib/log/logger";

import { isCurrentSessionVersion } from "./resolve-session-user";

// Runs in Auth.js's jwt callback each time a session cookie is read, and
// returns null for a session older than its account's session version (a
// password change or "sign out everywhere" raised it) or of a deleted
// account. Auth.js then clears the cookie. While the database cannot be
// read, the token is kept: Auth.js would also clear the cookie on a thrown
// error, and an outage must not sign everyone out. The pages report the
// outage themselves, and resolveSessionUser checks the version again there.
export async function checkSessionToken(token: JWT): Promise<JWT | null> {
  if (!token.sub) {
    return null;
  }

  let account: { sessionVersion: number } | null;
  try {
    const db = await getDb();
    account = await db.user.findUnique({ where: { id: token.sub }, select: { sessionVersion: true } });
  } catch (error) {
    logger.warn({ err: error, userId: token.sub }, "failed to read the session version; keeping the session until the database responds");
    return token;
  }

  return account !== null && isCurrentSessionVersion(token.sessionVersion, account.sessionVersion) ? token : null;
}
