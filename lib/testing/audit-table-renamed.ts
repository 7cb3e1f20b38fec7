import { getDatabase } from "@/lib/db/get-db";

const HIDDEN_NAME = "AuditEventHiddenByTest";

// Fields of the Prisma error (P2021, table does not exist) that an operation
// rejects with while the table is renamed.
export const AUDIT_TABLE_MISSING = { code: "P2021", meta: { modelName: "AuditEvent" } };

// Runs `action` while the AuditEvent table is renamed, so every audit insert
// in it fails with the database's own "relation does not exist" error. Tests
// use it to show that a change rolls back when its audit entry cannot be
// written. It affects the whole database, so call it only from tests that run
// one at a time in their own database (useTempDatabase gives each file one).
export async function withAuditTableRenamed<T>(action: () => Promise<T>): Promise<T> {
  const { sql } = await getDatabase();

  await sql.exec(`ALTER TABLE "AuditEvent" RENAME TO "${HIDDEN_NAME}"`);
  try {
    return await action();
  } finally {
    await sql.exec(`ALTER TABLE "${HIDDEN_NAME}" RENAME TO "AuditEvent"`);
  }
}
