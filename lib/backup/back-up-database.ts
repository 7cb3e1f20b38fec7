import "server-only";

import type { DatabaseConfig } from "@/lib/db/database-config";
import { openSqlSession } from "@/lib/db/open-sql-session";
import { ConsoleError } from "@/lib/errors/console-error";

import { exportDatabase } from "./export-database";
import { hasPostgresTool, runPostgresTool } from "./pg-dump-tools";

export type BackupFormat = "logical" | "pg_dump";

export interface BackupResult {
  format: BackupFormat;
  file: string;
  // Rows per table, for the logical format.
  rowCounts: Record<string, number> | null;
}

// Writes a restorable backup of the configured database to `file`. The
// logical format works for both databases and moves a console from PGlite
// to PostgreSQL. pg_dump's custom format (PostgreSQL only) is the default
// there when pg_dump is installed.
export async function backUpDatabase(options: { config: DatabaseConfig; file: string; format?: BackupFormat }): Promise<BackupResult> {
  const format = options.format ?? (options.config.kind === "postgres" && hasPostgresTool("pg_dump") ? "pg_dump" : "logical");

  if (format === "pg_dump") {
    if (options.config.kind !== "postgres") {
      throw new ConsoleError("invalid_input", "--format pg_dump needs a PostgreSQL DATABASE_URL: back up the embedded database with --format logical");
    }
    if (!hasPostgresTool("pg_dump")) {
      throw new ConsoleError("invalid_config", "pg_dump is not installed: install PostgreSQL's client tools, or use --format logical");
    }
    await runPostgresTool("pg_dump", { url: options.config.url, args: ["--format=custom", "--no-owner", "--no-privileges", `--file=${options.file}`] });
    return { format, file: options.file, rowCounts: null };
  }

  const { session, close } = await openSqlSession(options.config);
  try {
    const header = await exportDatabase({ session, source: options.config.kind, file: options.file });
    return { format, file: options.file, rowCounts: header.rowCounts };
  } finally {
    await close();
  }
}
