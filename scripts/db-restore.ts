// `npm run db:restore -- FILE [--replace]`: loads a backup written by
// db:backup into the database that DATABASE_URL (or CONSOLE_DATA_DIR)
// selects. Stop the consoles that use the database first. A database that
// already contains console data is overwritten only with --replace.
import path from "node:path";
import { parseArgs } from "node:util";

import { restoreDatabase } from "@/lib/backup/restore-database";
import { runCommand } from "@/lib/cli/run-command";
import { readDatabaseConfig } from "@/lib/db/database-config";
import { ConsoleError } from "@/lib/errors/console-error";

runCommand("db:restore", async () => {
  const { values, positionals } = parseArgs({ options: { replace: { type: "boolean", default: false } }, allowPositionals: true });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    throw new ConsoleError("invalid_input", "pass exactly one backup file: npm run db:restore -- backups/FILE [--replace]");
  }

  const config = readDatabaseConfig();
  const result = await restoreDatabase({ config, file: path.resolve(file), replace: values.replace });

  console.log(`Restored the ${result.format} backup ${file} into ${config.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : config.databaseDir}`);
  for (const [table, count] of Object.entries(result.imported?.rowCounts ?? {})) {
    console.log(`  ${table}: ${count} rows`);
  }
  for (const name of result.imported?.migratedAfterImport ?? []) {
    console.log(`  then applied migration ${name}`);
  }
});
