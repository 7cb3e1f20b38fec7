// `npm run db:migrate`: applies the pending migrations in prisma/migrations
// to the database that DATABASE_URL (or CONSOLE_DATA_DIR) selects, and
// prints what it applied. Safe to run from several machines at once on
// PostgreSQL. Exits 1 with the migration name and the database's error when
// a migration fails, or when an applied migration's file was changed.
import { runCommand } from "@/lib/cli/run-command";
import { readDatabaseConfig } from "@/lib/db/database-config";
import { migrateDatabase } from "@/lib/db/migrate-database";

runCommand("db:migrate", async () => {
  const config = readDatabaseConfig();
  const result = await migrateDatabase({ config });

  const where = config.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : config.databaseDir;
  if (result.applied.length === 0) {
    console.log(`${where} is up to date: all ${result.alreadyApplied} migrations were applied earlier.`);
    return;
  }

  console.log(`Applied ${result.applied.length} migrations to ${where}:`);
  for (const name of result.applied) {
    console.log(`  ${name}`);
  }
});
