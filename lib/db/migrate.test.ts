import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { openTempSqlSession, type TempSqlSession } from "@/lib/testing/temp-sql-session";

import { applyMigrations, listPendingMigrations, readMigrationFiles, type MigrationFile } from "./migrate";
import type { SqlSession } from "./sql-session";

let database: TempSqlSession;
let session: SqlSession;

beforeEach(async () => {
  database = await openTempSqlSession();
  session = database.session;
});

afterEach(async () => {
  await database.close();
});

function migration(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: name.padEnd(64, "0").slice(0, 64) };
}

describe("applyMigrations", () => {
  it("applies the project migrations once and records them as Prisma does", async () => {
    const first = await applyMigrations(session, { useAdvisoryLock: false });
    const second = await applyMigrations(session, { useAdvisoryLock: false });

    const files = readMigrationFiles();
    expect(first.applied).toEqual(files.map((file) => file.name));
    expect(second.applied).toEqual([]);
    const rows = await session.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations"`,
    );
    expect(rows.map((row) => row.checksum)).toEqual(files.map((file) => file.checksum));
    expect(rows.every((row) => row.applied_steps_count === 1 && row.finished_at !== null)).toBe(true);
  });

  it("rejects a migration changed after it was applied", async () => {
    await applyMigrations(session, { migrations: [migration("20260101000000_a", "CREATE TABLE a (id int);")], useAdvisoryLock: false });

    const changed = { ...migration("20260101000000_a", "CREATE TABLE a (id bigint);"), checksum: "f".repeat(64) };

    await expect(applyMigrations(session, { migrations: [changed], useAdvisoryLock: false })).rejects.toThrow(
      /migration 20260101000000_a was changed after it was applied/,
    );
  });

  it("rolls back a failing migration and records the database error", async () => {
    const good = migration("20260101000000_a", "CREATE TABLE a (id int);");
    const bad = migration("20260102000000_b", "CREATE TABLE b (id int);\nCREATE TABLE a (id int);");

    await expect(applyMigrations(session, { migrations: [good, bad], useAdvisoryLock: false })).rejects.toThrow(
      /migration 20260102000000_b failed: .*already exists/,
    );

    const tables = await session.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_name = 'b'`);
    expect(tables).toEqual([]);
    const [row] = await session.query<{ logs: string | null; finished_at: Date | null }>(
      `SELECT logs, finished_at FROM "_prisma_migrations" WHERE migration_name = '20260102000000_b'`,
    );
    expect(row?.finished_at).toBeNull();
    expect(row?.logs).toMatch(/already exists/);
  });

  it("refuses to start over a failed migration", async () => {
    const bad = migration("20260102000000_b", "CREATE TABLE b (id nosuchtype);");
    await applyMigrations(session, { migrations: [bad], useAdvisoryLock: false }).catch(() => undefined);

    await expect(applyMigrations(session, { migrations: [bad], useAdvisoryLock: false })).rejects.toThrow(
      /migration 20260102000000_b failed earlier/,
    );
  });

  it("rejects a database newer than the migrations folder", async () => {
    await applyMigrations(session, { migrations: [migration("20260101000000_a", "SELECT 1;"), migration("20260102000000_b", "SELECT 1;")], useAdvisoryLock: false });

    await expect(applyMigrations(session, { migrations: [migration("20260101000000_a", "SELECT 1;")], useAdvisoryLock: false })).rejects.toThrow(
      /has migration 20260102000000_b applied/,
    );
  });
});

describe("listPendingMigrations", () => {
  it("lists only migrations not yet applied", async () => {
    const a = migration("20260101000000_a", "SELECT 1;");
    const b = migration("20260102000000_b", "SELECT 1;");
    await applyMigrations(session, { migrations: [a], useAdvisoryLock: false });

    expect(await listPendingMigrations(session, [a, b])).toEqual(["20260102000000_b"]);
  });

  it("lists every migration on an empty database without creating tables", async () => {
    const a = migration("20260101000000_a", "SELECT 1;");

    expect(await listPendingMigrations(session, [a])).toEqual(["20260101000000_a"]);

    const tables = await session.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_name = '_prisma_migrations'`);
    expect(tables).toEqual([]);
  });

  it("reports a changed migration", async () => {
    const a = migration("20260101000000_a", "SELECT 1;");
    await applyMigrations(session, { migrations: [a], useAdvisoryLock: false });

    await expect(listPendingMigrations(session, [{ ...a, checksum: "e".repeat(64) }])).rejects.toThrow(/was changed after it was applied/);
  });
});
