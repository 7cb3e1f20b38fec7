import "server-only";

import { normalizeEmail } from "@/lib/auth/email";
import { getDecoyHash, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/get-db";

import { signInSchema } from "./user-input";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string | null;
  sessionVersion: number;
}

// Returns the user whose email and password match, or null. Unknown emails
// still cost one password hash, so timing does not reveal which accounts exist.
export async function authenticateUser(input: unknown): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    return null;
  }

  const db = await getDb();
  const user = await db.user.findUnique({ where: { email: normalizeEmail(parsed.data.email) } });

  if (!user) {
    await verifyPassword(parsed.data.password, await getDecoyHash());
    return null;
  }

  const matches = await verifyPassword(parsed.data.password, user.passwordHash);
  return matches ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
}
