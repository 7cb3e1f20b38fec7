import { randomUUID } from "node:crypto";

import { createApp } from "@/lib/apps/create-app";
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { createUser } from "@/lib/users/create-user";

export const TEST_PASSWORD = "correct horse battery";

// A unique email per call, so tests in one database never share an account.
export function uniqueTestEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function createTestUser(prefix = "user"): Promise<Actor> {
  const user = await createUser({ email: uniqueTestEmail(prefix), password: TEST_PASSWORD });
  return { id: user.id, email: user.email, name: null };
}

// Creates an app owned by `owner` (through the real createApp) and adds the
// other members straight to the table, which is much faster than accounts
// made per test.
export async function createTestApp(owner: Actor, members: { actor: Actor; role: MemberRole }[] = []): Promise<string> {
  const app = await createApp({ actor: owner, input: { name: `Test app ${randomUUID().slice(0, 8)}` } });

  const db = await getDb();
  if (members.length > 0) {
    await db.membership.createMany({ data: members.map(({ actor, role }) => ({ appId: app.id, userId: actor.id, role })) });
  }
  return app.id;
}

// The app's audit entries, oldest first, optionally of one action only.
export async function readAuditEvents(appId: string, action?: AuditAction) {
  const db = await getDb();
  return db.auditEvent.findMany({ where: { appId, ...(action ? { action } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
