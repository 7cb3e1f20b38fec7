import "server-only";

import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { ConsoleError } from "@/lib/errors/console-error";

import type { SqlSession } from "./sql-session";

// Prisma Migrate serializes itself with this advisory lock key, so taking the
// same one keeps this runner and `prisma migrate deploy` from interleaving.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// The bookkeeping table exactly as Prisma Migrate creates it, so that
// `prisma migrate status` and `migrate deploy` read our rows as their own.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedMigrationRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

// Read from disk at run time, not bundled: the console runs from the project
// folder, and the migrations must be the exact files Prisma would apply.
export const MIGRATIONS_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

// Reads prisma/migrations/<timestamp>_<name>/migration.sql in name order, the
// order Prisma applies them in. The checksum is the SHA-256 of the file, as
// Prisma records it.
export function readMigrationFiles(migrationsDir: string = MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(/*turbopackIgnore: true*/ migrationsDir)) {
    throw new ConsoleError("invalid_config", `migrations folder ${migrationsDir} is missing: run the console from the project root`);
  }

  const names = readdirSync(/*turbopackIgnore: true*/ migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  return names.map((name) => {
    const sql = readFileSync(/*turbopackIgnore: true*/ path.join(migrationsDir, name, "migration.sql"), "utf8");
    return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
  });
}

// Applies every pending migration, each in its own transaction, and records it
// in _prisma_migrations. With `useAdvisoryLock`, instances that start together
// on one PostgreSQL server apply each migration once.
export async function applyMigrations(
  session: SqlSession,
  options: { migrations?: MigrationFile[]; useAdvisoryLock: boolean },
): Promise<MigrationResult> {
  const migrations = options.migrations ?? readMigrationFiles();

  if (options.useAdvisoryLock) {
    await session.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
  }

  try {
    await session.exec(CREATE_MIGRATIONS_TABLE);
    const applied = await readAppliedMigrations(session);
    const pending = selectPendingMigrations(migrations, applied);

    for (const migration of pending) {
      await applyOneMigration(session, migration);
    }

    return { applied: pending.map((migration) => migration.name), alreadyApplied: migrations.length - pending.length };
  } finally {
    if (options.useAdvisoryLock) {
      await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    }
  }
}

// Lists the migrations that the database has not finished, in order. It
// only reads, so readiness probes can call it: a database without the
// bookkeeping table has every migration pending. Throws like applyMigrations
// on a failed, changed or unknown migration.
export async function listPendingMigrations(session: SqlSession, migrations: MigrationFile[] = readMigrationFiles()): Promise<string[]> {
  if (!(await hasMigrationTable(session))) {
    return migrations.map((migration) => migration.name);
  }

  const applied = await readAppliedMigrations(session);
  return selectPendingMigrations(migrations, applied).map((migration) => migration.name);
}

// Returns whether the database has Prisma's bookkeeping table.
export async function hasMigrationTable(session: SqlSession): Promise<boolean> {
  const [table] = await session.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`);
  return table?.exists === true;
}

// Returns the names of the migrations that finished and were not rolled
// back, in name order, or none when the bookkeeping table does not exist.
export async function readFinishedMigrationNames(session: SqlSession): Promise<string[]> {
  if (!(await hasMigrationTable(session))) {
    return [];
  }

  const rows = await session.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.name);
}

async function readAppliedMigrations(session: SqlSession): Promise<AppliedMigrationRow[]> {
  return session.query<AppliedMigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
}

function selectPendingMigrations(migrations: MigrationFile[], applied: AppliedMigrationRow[]): MigrationFile[] {
  const live = applied.filter((row) => row.rolled_back_at === null);

  const failed = live.find((row) => row.finished_at === null);
  if (failed) {
    throw new ConsoleError(
      "invalid_config",
      `migration ${failed.migration_name} failed earlier and is marked unfinished in _prisma_migrations: ` +
        "fix the database by hand, then mark it rolled back (prisma migrate resolve --rolled-back) before starting again",
    );
  }

  const finished = new Map(live.map((row) => [row.migration_name, row.checksum]));
  const known = new Set(migrations.map((migration) => migration.name));

  for (const name of finished.keys()) {
    if (!known.has(name)) {
      throw new ConsoleError(
        "invalid_config",
        `the database has migration ${name} applied, but prisma/migrations has no such folder: this console is older than its database`,
      );
    }
  }

  for (const migration of migrations) {
    const checksum = finished.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new ConsoleError(
        "invalid_config",
        `migration ${migration.name} was changed after it was applied (checksum ${checksum.slice(0, 12)}… in the database, ` +
          `${migration.checksum.slice(0, 12)}… on disk): restore the original migration.sql and put the change in a new migration`,
      );
    }
  }

  return migrations.filter((migration) => !finished.has(migration.name));
}

async function applyOneMigration(session: SqlSession, migration: MigrationFile): Promise<void> {
  const id = randomUUID();

  await session.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );

  try {
    await session.exec(`BEGIN;\n${migration.sql}\nCOMMIT;`);
  } catch (error) {
    await session.exec("ROLLBACK;").catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    await session.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, reason]);

    throw new ConsoleError("invalid_config", `migration ${migration.name} failed: ${reason}`, { cause: error });
  }

  await session.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
}
