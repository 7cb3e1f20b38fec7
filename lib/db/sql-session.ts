import "server-only";

// The few raw SQL operations that the migration runner and the maintenance
// commands need, over either PGlite or a pg client, without Prisma.
export interface SqlSession {
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  // Runs a script of several statements with no parameters.
  exec(script: string): Promise<void>;
  // Runs `COPY ... FROM '/dev/blob' WITH (FORMAT csv)` with `csv` as its
  // input. Only the embedded database offers it: there every row costs CPU
  // in the console's process, and COPY costs about half of an INSERT.
  copyFromCsv?(copySql: string, csv: string): Promise<void>;
}
