import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { runScript } from "@/lib/testing/run-script";
import { createTestDatabase, queryTestDatabase, readTestDatabaseUrl, type TestDatabase } from "@/lib/testing/test-postgres";

import { readMigrationFiles, type MigrationFile } from "./migrate";
import { migrateDatabase } from "./migrate-database";

const POSTGRES_ONLY = "runs only when TEST_DATABASE_URL points at a PostgreSQL server";

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

async function freshPostgres(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  return database;
}

function freshDataDir(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), "bit6-migrate-cli-"));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}

function migration(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: name.padEnd(64, "0").slice(0, 64) };
}

describe("migrateDatabase on PostgreSQL", () => {
  it("applies each migration once for two runners started together", async ({ skip }) => {
    skip(!readTestDatabaseUrl(), POSTGRES_ONLY);
    const database = await freshPostgres();
    const config = { kind: "postgres" as const, url: database.url, poolSize: 1 };
    // The sleep keeps the first runner inside its migration while the
    // second one starts. Without the advisory lock the second runner would
    // run CREATE TABLE a again and fail.
    const migrations = [
      migration("20260101000000_a", "CREATE TABLE a (id int); SELECT pg_sleep(0.5);"),
      migration("20260102000000_b", "CREATE TABLE b (id int);"),
    ];

    const results = await Promise.all([migrateDatabase({ config, migrations }), migrateDatabase({ config, migrations })]);

    const appliedByBoth = results.flatMap((result) => result.applied).sort();
    expect(appliedByBoth).toEqual(["20260101000000_a", "20260102000000_b"]);
    const rows = await queryTestDatabase<{ migration_name: string }>(database.url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((row) => row.migration_name)).toEqual(["20260101000000_a", "20260102000000_b"]);
  });
});

// Each command starts its own tsx and database, which takes seconds on a
// busy machine.
describe("db:migrate command", { timeout: 120_000 }, () => {
  it("applies the project migrations on PostgreSQL", async ({ skip }) => {
    skip(!readTestDatabaseUrl(), POSTGRES_ONLY);
    const database = await freshPostgres();

    const first = await runScript("db-migrate.ts", { DATABASE_URL: database.url });
    const second = await runScript("db-migrate.ts", { DATABASE_URL: database.url });

    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    for (const file of readMigrationFiles()) {
      expect(first.stdout).toContain(file.name);
    }
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/is up to date/);
  });

  it("rejects a changed migration with its name", async ({ skip }) => {
    skip(!readTestDatabaseUrl(), POSTGRES_ONLY);
    const database = await freshPostgres();
    await runScript("db-migrate.ts", { DATABASE_URL: database.url });
    const [first] = readMigrationFiles();
    await queryTestDatabase(database.url, `UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = '${first!.name}'`);

    const result = await runScript("db-migrate.ts", { DATABASE_URL: database.url });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`migration ${first!.name} was changed after it was applied`);
  });

  it("reports an unreachable server with the fix", async ({ skip }) => {
    skip(!readTestDatabaseUrl(), POSTGRES_ONLY);
    // Port 1 on loopback has no listener, so the connection is refused.
    const result = await runScript("db-migrate.ts", { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/db:migrate failed: the database did not answer \(connect ECONNREFUSED 127\.0\.0\.1:1\): check that PostgreSQL is running/);
  });

  it("applies the project migrations on the embedded database", async () => {
    const dataDir = freshDataDir();

    const result = await runScript("db-migrate.ts", { DATABASE_URL: undefined, CONSOLE_DATA_DIR: dataDir });

    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Applied ${readMigrationFiles().length} migrations`);
  });

  it("fails clearly while a console holds the embedded database", async () => {
    const dataDir = freshDataDir();
    mkdirSync(dataDir, { recursive: true });
    // This test process is alive, so its PID marks the folder as in use.
    writeFileSync(path.join(dataDir, "pglite.lock"), String(process.pid));

    const result = await runScript("db-migrate.ts", { DATABASE_URL: undefined, CONSOLE_DATA_DIR: dataDir });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`the embedded database is in use by process ${process.pid}`);
  });
});
