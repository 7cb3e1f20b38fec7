import "server-only";

import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { createGzip } from "node:zlib";

import { MASTER_KEY_CHECK_SETTING } from "@/lib/crypto/master-key";
import { readFinishedMigrationNames } from "@/lib/db/migrate";
import type { SqlSession } from "@/lib/db/sql-session";

import { EXPORT_BATCH_ROWS, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportBatch, type ExportHeader } from "./export-format";
import { countRows, quoteIdentifier, readTableLayout } from "./table-layout";

// Writes every console table to `file` in the logical export format, from
// one repeatable-read snapshot, so a console that keeps running on
// PostgreSQL cannot make the rows of two tables disagree. Returns the
// header, which contains the row counts.
export async function exportDatabase(options: { session: SqlSession; source: "pglite" | "postgres"; file: string }): Promise<ExportHeader> {
  const { session } = options;
  await session.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");

  try {
    const tables = await readTableLayout(session);
    const migrationNames = await readFinishedMigrationNames(session);
    const rowCounts = await countRows(session, tables);

    const [check] = await session.query<{ value: string }>(`SELECT value FROM "ConsoleSetting" WHERE name = $1`, [MASTER_KEY_CHECK_SETTING]);

    const header: ExportHeader = {
      format: EXPORT_FORMAT,
      version: EXPORT_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      source: options.source,
      migrations: migrationNames,
      rowCounts,
      masterKeyCheck: check?.value ?? null,
    };

    const gzip = createGzip();
    const output = gzip.pipe(createWriteStream(options.file, { mode: 0o600 }));
    await writeLine(gzip, header);

    for (const table of tables) {
      const orderBy = (table.primaryKey.length > 0 ? table.primaryKey : table.columns).map(quoteIdentifier).join(", ");
      for (let offset = 0; offset < (rowCounts[table.name] ?? 0); offset += EXPORT_BATCH_ROWS) {
        const rows = await session.query<{ row: string }>(
          `SELECT row_to_json(t)::text AS row FROM ${quoteIdentifier(table.name)} t ORDER BY ${orderBy} LIMIT ${EXPORT_BATCH_ROWS} OFFSET ${offset}`,
        );
        const batch: ExportBatch = { table: table.name, rows: rows.map((row) => JSON.parse(row.row) as Record<string, unknown>) };
        await writeLine(gzip, batch);
      }
    }

    gzip.end();
    await finished(output);
    return header;
  } finally {
    await session.exec("COMMIT");
  }
}

async function writeLine(stream: NodeJS.WritableStream, value: unknown): Promise<void> {
  if (!stream.write(`${JSON.stringify(value)}\n`)) {
    await once(stream, "drain");
  }
}
