import path from "node:path";

import { ConsoleError } from "@/lib/errors/console-error";

// Environment variables as read from process.env, or a test's own set.
export type Environment = Readonly<Record<string, string | undefined>>;

export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string; databaseDir: string }
  | { kind: "postgres"; url: string; poolSize: number };

const DEFAULT_POOL_SIZE = 10;

// Resolves which database the console uses. A postgres:// or postgresql://
// DATABASE_URL selects a PostgreSQL server; anything else keeps the embedded
// PGlite database under CONSOLE_DATA_DIR (default `.data`).
export function readDatabaseConfig(env: Environment = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();

  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return { kind: "postgres", url, poolSize: readPoolSize(env.DATABASE_POOL_SIZE) };
  }

  if (url) {
    throw new ConsoleError(
      "invalid_config",
      "DATABASE_URL must start with postgres:// or postgresql://; unset it to use the embedded database under .data/",
    );
  }

  const dataDir = readDataDir(env);
  return { kind: "pglite", dataDir, databaseDir: path.join(dataDir, "pglite") };
}

export function readDataDir(env: Environment = process.env): string {
  // The data folder is chosen at run time, so the bundler must not trace it.
  return path.resolve(/*turbopackIgnore: true*/ env.CONSOLE_DATA_DIR?.trim() || ".data");
}

function readPoolSize(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") {
    return DEFAULT_POOL_SIZE;
  }

  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw new ConsoleError(
      "invalid_config",
      `DATABASE_POOL_SIZE '${raw}' is invalid: use a whole number of connections from 1 to 1000`,
    );
  }

  return size;
}

// Reads DATABASE_MIGRATE_ON_START, which only PostgreSQL uses. The default
// `true` applies pending migrations when the console opens its database.
// With `false` the console only checks them, and /api/ready returns 503
// until `npm run db:migrate` ran, for deployments that migrate in a
// separate release step.
export function readMigrateOnStart(env: Environment = process.env): boolean {
  const raw = env.DATABASE_MIGRATE_ON_START?.trim().toLowerCase();
  if (raw === undefined || raw === "" || raw === "true" || raw === "1") {
    return true;
  }
  if (raw === "false" || raw === "0") {
    return false;
  }

  throw new ConsoleError(
    "invalid_config",
    `DATABASE_MIGRATE_ON_START '${env.DATABASE_MIGRATE_ON_START}' is invalid: use true (apply migrations at start) or false (run npm run db:migrate yourself)`,
  );
}
