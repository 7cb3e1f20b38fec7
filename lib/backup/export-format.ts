// The console's logical export: gzip-compressed JSON Lines. The first line
// is the header, every further line holds up to EXPORT_BATCH_ROWS rows of
// one table, in an order that satisfies the foreign keys. Rows are
// PostgreSQL's row_to_json output, so PGlite and PostgreSQL read and write
// them alike.
export const EXPORT_FORMAT = "bit6-console-export";
export const EXPORT_FORMAT_VERSION = 1;
export const EXPORT_BATCH_ROWS = 500;

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_FORMAT_VERSION;
  createdAt: string;
  // The database it came from: "pglite" or "postgres".
  source: string;
  // The migrations applied to the source, in order. An import brings the
  // target to exactly these before inserting rows.
  migrations: string[];
  // Row counts per table, checked after the import.
  rowCounts: Record<string, number>;
  // The source's master key check value (ConsoleSetting master_key_check),
  // so an import can reject a target configured with another master key
  // before it writes anything. Null when the source had none yet.
  masterKeyCheck: string | null;
}

export interface ExportBatch {
  table: string;
  rows: Record<string, unknown>[];
}
