// `npm run db:backup -- [--output FILE] [--format logical|pg_dump]`: writes a
// restorable backup of the database that DATABASE_URL (or CONSOLE_DATA_DIR)
// selects. The default file is backups/bit6-console-<time>.backup. The
// default format is pg_dump's custom archive on PostgreSQL when pg_dump is
// installed, and the console's logical export otherwise. The logical export
// is also how an embedded console moves to PostgreSQL (see
// docs/production.md).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { backUpDatabase, type BackupFormat } from "@/lib/backup/back-up-database";
import { runCommand } from "@/lib/cli/run-command";
import { readDatabaseConfig } from "@/lib/db/database-config";
import { ConsoleError } from "@/lib/errors/console-error";

runCommand("db:backup", async () => {
  const { values } = parseArgs({ options: { output: { type: "string" }, format: { type: "string" } } });
  const format = readFormat(values.format);
  const config = readDatabaseConfig();

  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.resolve(values.output ?? path.join("backups", `bit6-console-${stamp}.backup`));
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });

  const result = await backUpDatabase({ config, file, format });

  console.log(`Wrote a ${result.format} backup of ${config.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : config.databaseDir} to ${result.file}`);
  for (const [table, count] of Object.entries(result.rowCounts ?? {})) {
    console.log(`  ${table}: ${count} rows`);
  }
  console.log("It contains encrypted key secrets and password hashes: store it as carefully as the database.");
});

function readFormat(raw: string | undefined): BackupFormat | undefined {
  if (raw === undefined || raw === "logical" || raw === "pg_dump") {
    return raw;
  }
  throw new ConsoleError("invalid_input", `--format '${raw}' is invalid: use logical (either database) or pg_dump (PostgreSQL)`);
}
