import "server-only";

import type { DatabaseConfig } from "./database-config";
import { applyMigrations, type MigrationFile, type MigrationResult } from "./migrate";
import { openSqlSession } from "./open-sql-session";

// Applies every pending migration to the configured database, as
// `npm run db:migrate` does. On PostgreSQL the run holds Prisma's advisory
// lock, so several runners (or consoles starting) at once apply each
// migration exactly once.
export async function migrateDatabase(options: { config: DatabaseConfig; migrations?: MigrationFile[] }): Promise<MigrationResult> {
  const { session, close } = await openSqlSession(options.config);

  try {
    return await applyMigrations(session, { migrations: options.migrations, useAdvisoryLock: options.config.kind === "postgres" });
  } finally {
    await close();
  }
}
