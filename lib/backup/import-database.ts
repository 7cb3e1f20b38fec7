import "server-only";

import { applyMigrations, readFinishedMigrationNames, readMigrationFiles, type MigrationFile } from "@/lib/db/migrate";
import type { SqlSession } from "@/lib/db/sql-session";
import { ConsoleError } from "@/lib/errors/console-error";

import type { ExportBatch, ExportHeader } from "./export-format";
import { readExport, readExportHeader } from "./read-export";
import { countRows, quoteIdentifier, readTableLayout, type TableLayout } from "./table-layout";

export interface ImportResult {
  header: ExportHeader;
  rowCounts: Record<string, number>;
  // Migrations newer than the export, applied after its rows went in.
  migratedAfterImport: string[];
}

// Loads a logical export into the session's database in one transaction:
// brings the schema to the export's migrations, inserts every row, then
// applies the migrations the export did not have yet. A database that
// already contains console data is only overwritten with `replace`.
export async function importDatabase(options: {
  session: SqlSession;
  file: string;
  replace: boolean;
  useAdvisoryLock: boolean;
  migrations?: MigrationFile[];
}): Promise<ImportResult> {
  const { session } = options;
  const header = await readExportHeader(options.file);
  const migrations = options.migrations ?? readMigrationFiles();

  const exportMigrations = selectExportMigrations(header, migrations);
  await prepareSchema(session, exportMigrations, options.useAdvisoryLock);
  const tables = await readTableLayout(session);
  await checkTargetEmpty(session, tables, options.replace);

  await session.exec("BEGIN");
  try {
    if (options.replace) {
      await session.exec(`TRUNCATE ${tables.map((table) => quoteIdentifier(table.name)).join(", ")} CASCADE`);
    }
    await insertRows(session, options.file, tables);
    await session.exec("COMMIT");
  } catch (error) {
    await session.exec("ROLLBACK").catch(() => undefined);
    throw error;
  }

  const rowCounts = await countRows(session, tables);
  for (const [table, expected] of Object.entries(header.rowCounts)) {
    if (rowCounts[table] !== expected) {
      throw new ConsoleError("internal", `table ${table} has ${rowCounts[table] ?? 0} rows after the import, but the export has ${expected}`);
    }
  }

  const after = await applyMigrations(session, { migrations, useAdvisoryLock: options.useAdvisoryLock });
  return { header, rowCounts, migratedAfterImport: after.applied };
}

// The export's migrations must be the first ones of this console's folder,
// so its rows fit the schema those migrations build.
function selectExportMigrations(header: ExportHeader, migrations: MigrationFile[]): MigrationFile[] {
  const prefix = migrations.slice(0, header.migrations.length);
  const matches = prefix.length === header.migrations.length && prefix.every((migration, index) => migration.name === header.migrations[index]);

  if (!matches) {
    const unknown = header.migrations.find((name) => !migrations.some((migration) => migration.name === name));
    throw new ConsoleError(
      "invalid_input",
      unknown
        ? `the export has migration ${unknown}, which this console does not know: restore with a console at least as new as the one that exported it`
        : "the export's migrations are not the first migrations of this console: restore with the console version that exported it",
    );
  }
  return prefix;
}

// An empty database gets exactly the export's migrations. A database that
// already has migrations must be at the same one.
async function prepareSchema(session: SqlSession, exportMigrations: MigrationFile[], useAdvisoryLock: boolean): Promise<void> {
  const applied = await readFinishedMigrationNames(session);

  if (applied.length === 0) {
    await applyMigrations(session, { migrations: exportMigrations, useAdvisoryLock });
    return;
  }

  const expected = exportMigrations.map((migration) => migration.name);
  if (applied.join("\n") !== expected.join("\n")) {
    throw new ConsoleError(
      "invalid_input",
      `the target database is at migration ${applied.at(-1)}, but the export is at ${expected.at(-1) ?? "none"}: ` +
        "restore into an empty database, or run both at the same console version",
    );
  }
}

async function checkTargetEmpty(session: SqlSession, tables: TableLayout[], replace: boolean): Promise<void> {
  if (replace) {
    return;
  }

  const counts = await countRows(session, tables);
  const filled = Object.entries(counts).filter(([, count]) => count > 0);
  if (filled.length > 0) {
    const summary = filled.map(([table, count]) => `${count} ${table}`).join(", ");
    throw new ConsoleError("conflict", `the target database already contains console data (${summary}): pass --replace to overwrite all of it`);
  }
}

async function insertRows(session: SqlSession, file: string, tables: TableLayout[]): Promise<void> {
  const layouts = new Map(tables.map((table) => [table.name, table]));
  const selfReferenced: ExportBatch[] = [];
  let first = true;

  for await (const entry of readExport(file)) {
    if (first) {
      first = false;
      continue;
    }
    const batch = entry as ExportBatch;
    const layout = layouts.get(batch.table);
    if (!layout) {
      throw new ConsoleError("invalid_input", `the export has rows for table ${batch.table}, which this database does not have`);
    }

    const select = layout.columns.map((column) => (layout.selfReferences.includes(column) ? "NULL" : quoteIdentifier(column))).join(", ");
    const table = quoteIdentifier(layout.name);
    await session.query(`INSERT INTO ${table} (${layout.columns.map(quoteIdentifier).join(", ")}) SELECT ${select} FROM json_populate_recordset(NULL::${table}, $1::json)`, [
      JSON.stringify(batch.rows),
    ]);
    if (layout.selfReferences.length > 0) {
      selfReferenced.push(batch);
    }
  }

  // The rows a self-reference points at are all in now.
  for (const batch of selfReferenced) {
    const layout = layouts.get(batch.table)!;
    const table = quoteIdentifier(layout.name);
    const assignments = layout.selfReferences.map((column) => `${quoteIdentifier(column)} = r.${quoteIdentifier(column)}`).join(", ");
    const match = layout.primaryKey.map((column) => `t.${quoteIdentifier(column)} = r.${quoteIdentifier(column)}`).join(" AND ");
    await session.query(`UPDATE ${table} AS t SET ${assignments} FROM json_populate_recordset(NULL::${table}, $1::json) AS r WHERE ${match}`, [
      JSON.stringify(batch.rows),
    ]);
  }
}
