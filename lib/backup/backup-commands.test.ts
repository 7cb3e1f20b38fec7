import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { runScript } from "@/lib/testing/run-script";
import { createTestDatabase, queryTestDatabase, readTestDatabaseUrl, type TestDatabase } from "@/lib/testing/test-postgres";

import { hasPostgresTool } from "./pg-dump-tools";

const workDir = mkdtempSync(path.join(tmpdir(), "bit6-backup-cli-"));
const databases: TestDatabase[] = [];

afterAll(async () => {
  for (const database of databases) {
    await database.drop();
  }
  rmSync(workDir, { recursive: true, force: true });
});

async function freshPostgres(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

const INSERT_USER = `INSERT INTO "User" (id, email, "passwordHash", "createdAt", "updatedAt") VALUES ('u1', 'backup@example.test', 'hash', now(), now())`;

describe("db:backup and db:restore on PostgreSQL", { timeout: 120_000 }, () => {
  it("round-trip a pg_dump archive", async ({ skip }) => {
    skip(!readTestDatabaseUrl() || !hasPostgresTool("pg_dump"), "runs only on PostgreSQL with pg_dump and pg_restore installed");
    const source = await freshPostgres();
    const target = await freshPostgres();
    const file = path.join(workDir, "console.dump");
    await runScript("db-migrate.ts", { DATABASE_URL: source.url });
    await queryTestDatabase(source.url, INSERT_USER);

    const backup = await runScript("db-backup.ts", { DATABASE_URL: source.url }, ["--output", file]);
    const restore = await runScript("db-restore.ts", { DATABASE_URL: target.url }, [file]);
    const again = await runScript("db-restore.ts", { DATABASE_URL: target.url }, [file]);
    const replaced = await runScript("db-restore.ts", { DATABASE_URL: target.url }, [file, "--replace"]);

    expect(backup.stderr).toBe("");
    expect(backup.stdout).toContain("Wrote a pg_dump backup");
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already contains a console schema: pass --replace");
    expect(replaced.status).toBe(0);
    const users = await queryTestDatabase<{ email: string }>(target.url, `SELECT email FROM "User"`);
    expect(users.map((user) => user.email)).toEqual(["backup@example.test"]);
  });

  it("rejects an unknown format with the choices", async () => {
    const result = await runScript("db-backup.ts", { DATABASE_URL: undefined, CONSOLE_DATA_DIR: workDir }, ["--format", "zip"]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain("--format 'zip' is invalid: use logical (either database) or pg_dump (PostgreSQL)");
  });
});

// Each command starts its own PGlite, which takes seconds on a busy machine.
describe("db:backup and db:restore on the embedded database", { timeout: 180_000 }, () => {
  it("round-trip a logical export", async () => {
    const sourceDir = path.join(workDir, "source");
    const targetDir = path.join(workDir, "target");
    const file = path.join(workDir, "console.backup");
    await runScript("db-migrate.ts", { DATABASE_URL: undefined, CONSOLE_DATA_DIR: sourceDir });

    const backup = await runScript("db-backup.ts", { DATABASE_URL: undefined, CONSOLE_DATA_DIR: sourceDir }, ["--output", file]);
    const restore = await runScript("db-restore.ts", { DATABASE_URL: undefined, CONSOLE_DATA_DIR: targetDir }, [file]);

    expect(backup.stderr).toBe("");
    expect(backup.stdout).toContain("Wrote a logical backup");
    expect(backup.stdout).toContain("User: 0 rows");
    expect(restore.stderr).toBe("");
    expect(restore.stdout).toContain("Restored the logical backup");
  });

  it("fails clearly while a console holds the folder", async () => {
    const dataDir = path.join(workDir, "held");
    mkdirSync(dataDir);
    // This test process is alive, so its PID marks the folder as in use.
    writeFileSync(path.join(dataDir, "pglite.lock"), String(process.pid));

    const result = await runScript("db-backup.ts", { DATABASE_URL: undefined, CONSOLE_DATA_DIR: dataDir }, ["--output", path.join(workDir, "held.backup")]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`db:backup failed: the embedded database is in use by process ${process.pid}`);
  });

  it("restore requires a file", async () => {
    const result = await runScript("db-restore.ts", { DATABASE_URL: undefined, CONSOLE_DATA_DIR: workDir });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain("pass exactly one backup file");
  });
});
