import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { insertAuditRows } from "@/lib/audit/insert-audit-rows";

import { openDatabase, type Database } from "../open-database";
import { usePgliteThread } from "./pglite-thread-setting";
import { RemotePGlite } from "./remote-pglite";

const ROOT = path.resolve(import.meta.dirname, "../../..");
// Under node_modules, so that the bundle resolves @electric-sql/pglite.
const WORKER_FILE = path.join(ROOT, "node_modules", ".cache", "bit6-console-tests", "pglite-thread.mjs");

let dataDir = "";
let database: Database;

beforeAll(async () => {
  mkdirSync(path.dirname(WORKER_FILE), { recursive: true });
  await build({
    entryPoints: [path.join(import.meta.dirname, "pglite-thread-worker.ts")],
    outfile: WORKER_FILE,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "warning",
  });

  dataDir = mkdtempSync(path.join(tmpdir(), "bit6-console-thread-test-"));
  usePgliteThread({ kind: "owner", workerFile: WORKER_FILE });
  database = await openDatabase({ kind: "pglite", dataDir, databaseDir: path.join(dataDir, "pglite") });
}, 60_000);

afterAll(async () => {
  await database?.close();
  usePgliteThread(undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

async function createUser(email: string) {
  return database.prisma.user.create({ data: { email, name: "Thread test", passwordHash: "not-a-real-hash" } });
}

describe("RemotePGlite", () => {
  it("returns parsed dates to Prisma", async () => {
    const user = await createUser("dates@example.com");

    const found = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(found.email).toBe("dates@example.com");
    expect(found.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(found.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("rolls back a throwing transaction", async () => {
    const attempt = database.prisma.$transaction(async (tx) => {
      await tx.user.create({ data: { email: "rolled-back@example.com", name: "Rolled back", passwordHash: "x" } });
      throw new Error("stop here");
    });

    await expect(attempt).rejects.toThrow("stop here");
    expect(await database.prisma.user.count({ where: { email: "rolled-back@example.com" } })).toBe(0);
  });

  it("keeps P2002 for unique violations", async () => {
    await createUser("twice@example.com");

    await expect(createUser("twice@example.com")).rejects.toMatchObject({ code: "P2002" });
  });

  it("keeps SQLSTATE of failed queries", async () => {
    await expect(database.sql.query("SELECT * FROM no_such_table")).rejects.toMatchObject({ code: "42P01" });
  });

  it("outside query waits for commit", async () => {
    const user = await createUser("waiting@example.com");
    let releaseTransaction!: () => void;
    const commitGate = new Promise<void>((resolve) => {
      releaseTransaction = resolve;
    });

    const transaction = database.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { name: "Committed" } });
      await commitGate;
    });
    // Gives the transaction time to start and write before the outside read.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const outside = database.sql.query<{ name: string }>('SELECT name FROM "User" WHERE id = $1', [user.id]);
    releaseTransaction();

    await transaction;
    expect((await outside)[0]?.name).toBe("Committed");
  });

  it("writes audit rows through COPY", async () => {
    const app = await database.prisma.app.create({ data: { name: "Copy test" } });
    const rows = Array.from({ length: 3 }, (_, index) => ({
      appId: app.id,
      actorType: "ANONYMOUS" as const,
      action: "token.api_minted",
      details: { identity: `user${index}`, quote: 'a "quoted", text' },
      createdAt: new Date(),
    }));

    await insertAuditRows(database.sql, rows);

    const stored = await database.prisma.auditEvent.findMany({ where: { appId: app.id }, orderBy: { createdAt: "asc" } });
    expect(stored).toHaveLength(3);
    expect(stored.map((row) => (row.details as { quote: string }).quote)).toEqual(Array(3).fill('a "quoted", text'));
  });

  it("shares the database through a client port", async () => {
    const port = database.openClientPort?.();
    expect(port).toBeDefined();
    const client = RemotePGlite.connect(port!, (error) => {
      throw error;
    });

    await createUser("shared@example.com");
    const seen = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM "User" WHERE email = $1', ["shared@example.com"]);
    expect(seen.rows[0]?.count).toBe(1);

    await client.close();
    expect(await database.prisma.user.count({ where: { email: "shared@example.com" } })).toBe(1);
  });
});
