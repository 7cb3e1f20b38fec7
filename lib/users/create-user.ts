import "server-only";

import { normalizeEmail } from "@/lib/auth/email";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/get-db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { ConsoleError } from "@/lib/errors/console-error";
import { parseInput } from "@/lib/errors/parse-input";

import { signUpSchema } from "./user-input";

export interface CreatedUser {
  id: string;
  email: string;
}

// Creates an account. The email is stored lower-cased, so two sign-ups that
// differ only in case conflict on the unique index.
export async function createUser(input: unknown): Promise<CreatedUser> {
  const { email, password, name } = parseInput(signUpSchema, input);

  const passwordHash = await hashPassword(password);

  const db = await getDb();
  try {
    const user = await db.user.create({
      data: { email: normalizeEmail(email), passwordHash, name: name || null },
      select: { id: true, email: true },
    });
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConsoleError("conflict", "an account with this email already exists: sign in instead", { field: "email" });
    }
    throw error;
  }
}
