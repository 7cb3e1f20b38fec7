import "server-only";

// The few raw SQL operations that the migration runner and the maintenance
// commands need, over either PGlite or a pg client, without Prisma.
export interface SqlSession {
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  // Runs a script of several statements with no parameters.
  exec(script: string): Promise<void>;
}
