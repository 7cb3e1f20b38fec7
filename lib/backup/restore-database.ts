import "server-only";

import { closeSync, openSync, readSync } from "node:fs";

import { loadMasterKey, matchesMasterKeyCheck } from "@/lib/crypto/master-key";
import type { DatabaseConfig } from "@/lib/db/database-config";
import { hasMigrationTable } from "@/lib/db/migrate";
import { openSqlSession } from "@/lib/db/open-sql-session";
import { ConsoleError } from "@/lib/errors/console-error";

import type { BackupFormat } from "./back-up-database";
import { importDatabase, type ImportResult } from "./import-database";
import { PG_DUMP_MAGIC, hasPostgresTool, runPostgresTool } from "./pg-dump-tools";
import { readExportHeader } from "./read-export";

export interface RestoreResult {
  format: BackupFormat;
  imported: ImportResult | null;
}

// Loads a backup written by backUpDatabase into the configured database.
// The format is read from the file. For a logical export the configured
// master key must be the one that encrypted the exported secrets, and this
// is checked before anything is written. A target that already contains
// console data is overwritten only with `replace`.
export async function restoreDatabase(options: { config: DatabaseConfig; file: string; replace: boolean }): Promise<RestoreResult> {
  if (readFileStart(options.file, PG_DUMP_MAGIC.length) === PG_DUMP_MAGIC) {
    await restorePgDump(options);
    return { format: "pg_dump", imported: null };
  }

  const header = await readExportHeader(options.file);
  if (header.masterKeyCheck !== null) {
    const loaded = loadMasterKey({ config: options.config, mayGenerate: false });
    if (!matchesMasterKeyCheck(loaded.key, header.masterKeyCheck)) {
      throw new ConsoleError(
        "invalid_config",
        "the export's secrets were encrypted with another master key: set CONSOLE_ENCRYPTION_KEY to the source console's key " +
          "(on an embedded database, the content of its .data/master.key)",
      );
    }
  }

  const { session, close } = await openSqlSession(options.config);
  try {
    const imported = await importDatabase({ session, file: options.file, replace: options.replace, useAdvisoryLock: options.config.kind === "postgres" });
    return { format: "logical", imported };
  } finally {
    await close();
  }
}

async function restorePgDump(options: { config: DatabaseConfig; file: string; replace: boolean }): Promise<void> {
  if (options.config.kind !== "postgres") {
    throw new ConsoleError("invalid_input", `${options.file} is a pg_dump archive, which only restores into PostgreSQL: set DATABASE_URL`);
  }
  if (!hasPostgresTool("pg_restore")) {
    throw new ConsoleError("invalid_config", "pg_restore is not installed: install PostgreSQL's client tools");
  }

  const { session, close } = await openSqlSession(options.config);
  try {
    if ((await hasMigrationTable(session)) && !options.replace) {
      throw new ConsoleError("conflict", "the target database already contains a console schema: pass --replace to overwrite all of it");
    }
  } finally {
    await close();
  }

  const args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"];
  if (options.replace) {
    args.push("--clean", "--if-exists");
  }
  await runPostgresTool("pg_restore", { url: options.config.url, args: [...args, options.file] });
}

function readFileStart(file: string, length: number): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read).toString("latin1");
  } finally {
    closeSync(fd);
  }
}
