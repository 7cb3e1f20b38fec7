import "server-only";

import { getDb } from "@/lib/db/get-db";

import type { Actor } from "./current-user";

// The parts of an Auth.js session the console reads.
export interface SessionClaims {
  user?: { id?: string; sessionVersion?: unknown };
}

// Returns the account a session belongs to, or null when the account was
// deleted or the session was signed in before the account's last password
// change or "sign out everywhere" (its session version is older).
export async function resolveSessionUser(session: SessionClaims | null): Promise<Actor | null> {
  const userId = session?.user?.id;
  if (!userId) {
    return null;
  }

  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, sessionVersion: true } });
  if (!user || !isCurrentSessionVersion(session.user?.sessionVersion, user.sessionVersion)) {
    return null;
  }

  return { id: user.id, email: user.email, name: user.name };
}

// Sessions signed before versions existed carry none and count as 0.
export function isCurrentSessionVersion(sessionVersion: unknown, accountVersion: number): boolean {
  return (typeof sessionVersion === "number" ? sessionVersion : 0) === accountVersion;
}
