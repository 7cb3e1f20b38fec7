import "server-only";

import type { SqlSession } from "@/lib/db/sql-session";

export interface TableLayout {
  name: string;
  columns: string[];
  primaryKey: string[];
  // Foreign key columns that point at the same table (a rotated key's
  // predecessor). Their rows are inserted with these columns empty and
  // updated afterwards, because the row they point at may come later.
  selfReferences: string[];
}

// Reads the console's tables (every table of the current schema except
// Prisma's bookkeeping) in an order where each table comes after the tables
// its foreign keys point at, so rows can be inserted in that order.
export async function readTableLayout(session: SqlSession): Promise<TableLayout[]> {
  const tables = await session.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class
     WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND relname <> '_prisma_migrations'
     ORDER BY relname`,
  );
  const columns = await session.query<{ table: string; column: string }>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const primaryKeys = await session.query<{ table: string; column: string }>(
    `SELECT c.relname AS "table", a.attname AS "column"
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indisprimary AND c.relnamespace = current_schema()::regnamespace ORDER BY c.relname, array_position(i.indkey, a.attnum)`,
  );
  const foreignKeys = await session.query<{ table: string; references: string; column: string }>(
    `SELECT c.relname AS "table", r.relname AS "references", a.attname AS "column"
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)
     WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`,
  );

  const layouts = new Map<string, TableLayout>();
  for (const { name } of tables) {
    layouts.set(name, {
      name,
      columns: columns.filter((row) => row.table === name).map((row) => row.column),
      primaryKey: primaryKeys.filter((row) => row.table === name).map((row) => row.column),
      selfReferences: foreignKeys.filter((row) => row.table === name && row.references === name).map((row) => row.column),
    });
  }

  return orderByDependencies(layouts, foreignKeys);
}

function orderByDependencies(layouts: Map<string, TableLayout>, foreignKeys: { table: string; references: string }[]): TableLayout[] {
  const ordered: TableLayout[] = [];
  const placed = new Set<string>();

  while (placed.size < layouts.size) {
    const ready = [...layouts.values()].filter(
      (layout) =>
        !placed.has(layout.name) &&
        foreignKeys.every((key) => key.table !== layout.name || key.references === layout.name || placed.has(key.references)),
    );
    if (ready.length === 0) {
      const left = [...layouts.keys()].filter((name) => !placed.has(name));
      throw new Error(`tables ${left.join(", ")} reference each other in a cycle, which the export cannot order`);
    }
    for (const layout of ready) {
      ordered.push(layout);
      placed.add(layout.name);
    }
  }

  return ordered;
}

// Quotes an identifier for SQL. Names come from the catalog, but quoting
// keeps mixed-case names such as "ApiKey" intact.
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

// Counts the rows of each table, keyed by table name.
export async function countRows(session: SqlSession, tables: TableLayout[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await session.query<{ count: number | string }>(`SELECT count(*) AS count FROM ${quoteIdentifier(table.name)}`);
    counts[table.name] = Number(row?.count ?? 0);
  }
  return counts;
}
