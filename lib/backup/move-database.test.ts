import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "@/lib/apps/create-app";
import type { DatabaseConfig } from "@/lib/db/database-config";
import { readDatabaseConfig } from "@/lib/db/database-config";
import { closeDatabase, getDb } from "@/lib/db/get-db";
import { inspectToken } from "@/lib/inspect/inspect-token";
import { createApiKey } from "@/lib/keys/create-api-key";
import { findKeyRecord, invalidateKeyRecords } from "@/lib/keys/key-cache";
import { rotateApiKey } from "@/lib/keys/rotate-api-key";
import { signWithKey } from "@/lib/mint/sign-with-key";
import { createTestDatabase, readTestDatabaseUrl, type TestDatabase } from "@/lib/testing/test-postgres";
import { createUser } from "@/lib/users/create-user";

import { backUpDatabase } from "./back-up-database";
import { restoreDatabase } from "./restore-database";

const MASTER_KEY_SLOT = Symbol.for("bit6-console.master-key");

interface SourceData {
  ownerId: string;
  ownerEmail: string;
  appId: string;
  oldKeyId: string;
  newKeyId: string;
  newSecret: string;
  token: string;
  counts: Record<string, number>;
}

const workDir = mkdtempSync(path.join(tmpdir(), "bit6-move-"));
const sourceDir = path.join(workDir, "source");
const exportFile = path.join(workDir, "console.backup");
let target: TestDatabase | null = null;
let targetConfig: DatabaseConfig;
let source: SourceData;

// Points the process-wide database and master key at another database.
async function useDatabase(env: { dataDir: string; url?: string; key?: string }): Promise<void> {
  await closeDatabase();
  delete (globalThis as Record<symbol, unknown>)[MASTER_KEY_SLOT];
  invalidateKeyRecords();
  process.env.CONSOLE_DATA_DIR = env.dataDir;
  process.env.DATABASE_URL = env.url ?? "";
  process.env.CONSOLE_ENCRYPTION_KEY = env.key ?? "";
}

async function countRows(): Promise<Record<string, number>> {
  const db = await getDb();
  return {
    users: await db.user.count(),
    memberships: await db.membership.count(),
    apiKeys: await db.apiKey.count(),
    auditEvents: await db.auditEvent.count(),
    settings: await db.consoleSetting.count(),
  };
}

// An embedded console with two members, a rotated key (a row that points
// at another row of its table) and the audit entries those changes wrote.
async function createSourceData(): Promise<SourceData> {
  await useDatabase({ dataDir: sourceDir });
  const owner = await createUser({ email: "owner@example.test", password: "correct horse battery" });
  const member = await createUser({ email: "dev@example.test", password: "correct horse battery" });
  const actor = { ...owner, name: null };
  const app = await createApp({ actor, input: { name: "Moving app" } });
  const db = await getDb();
  await db.membership.create({ data: { appId: app.id, userId: member.id, role: "DEVELOPER" } });
  const oldKey = await createApiKey({ actor, appId: app.id, input: { label: "old" } });
  const newKey = await rotateApiKey({ actor, appId: app.id, keyId: oldKey.keyId, input: { overlapSeconds: 3600 } });
  const signed = await signWithKey({ appId: app.id, keyId: newKey.keyId, request: { identity: "alice", device: "web1", grants: { chat: true }, ttl: 600 } });

  const data = {
    ownerId: owner.id,
    ownerEmail: owner.email,
    appId: app.id,
    oldKeyId: oldKey.keyId,
    newKeyId: newKey.keyId,
    newSecret: newKey.secret,
    token: signed.token,
    counts: await countRows(),
  };
  await closeDatabase();
  return data;
}

beforeAll(async () => {
  source = await createSourceData();
  await backUpDatabase({ config: readDatabaseConfig(), file: exportFile, format: "logical" });

  const adminUrl = readTestDatabaseUrl();
  if (adminUrl) {
    target = await createTestDatabase(adminUrl);
    targetConfig = { kind: "postgres", url: target.url, poolSize: 2 };
  } else {
    const targetDir = path.join(workDir, "target");
    mkdirSync(targetDir);
    targetConfig = { kind: "pglite", dataDir: targetDir, databaseDir: path.join(targetDir, "pglite") };
  }
});

afterAll(async () => {
  await closeDatabase();
  await target?.drop();
  rmSync(workDir, { recursive: true, force: true });
});

const sourceKey = () => readFileSync(path.join(sourceDir, "master.key"), "utf8").trim();

describe("logical export and import", () => {
  it("rejects a target with another master key", async () => {
    await useDatabase({ dataDir: path.join(workDir, "unused"), key: randomBytes(32).toString("base64") });
    const wrongKeyEnv = targetConfig.kind === "postgres" ? targetConfig : { ...targetConfig };
    if (wrongKeyEnv.kind === "pglite") {
      mkdirSync(wrongKeyEnv.dataDir, { recursive: true });
    }

    await expect(restoreDatabase({ config: wrongKeyEnv, file: exportFile, replace: false })).rejects.toThrow(
      /the export's secrets were encrypted with another master key: set CONSOLE_ENCRYPTION_KEY/,
    );
  });

  it("moves keys, members and audit with working secrets", async () => {
    if (targetConfig.kind === "pglite") {
      // The embedded target reads its key from master.key, as a copied
      // data folder would.
      copyFileSync(path.join(sourceDir, "master.key"), path.join(targetConfig.dataDir, "master.key"));
      chmodSync(path.join(targetConfig.dataDir, "master.key"), 0o600);
      await useDatabase({ dataDir: targetConfig.dataDir });
    } else {
      await useDatabase({ dataDir: path.join(workDir, "unused"), url: targetConfig.url, key: sourceKey() });
    }

    const result = await restoreDatabase({ config: targetConfig, file: exportFile, replace: false });

    expect(result.format).toBe("logical");
    expect(await countRows()).toEqual(source.counts);
    const key = await findKeyRecord(source.newKeyId);
    expect(key?.secret).toBe(source.newSecret);
    const db = await getDb();
    const rotated = await db.apiKey.findUniqueOrThrow({ where: { id: source.newKeyId } });
    expect(rotated.replacesKeyId).toBe(source.oldKeyId);
    const verdict = await inspectToken({ actor: { id: source.ownerId, email: source.ownerEmail, name: null }, token: source.token });
    expect(verdict.verdict).toBe("valid");
  });

  it("refuses to import over existing data without replace", async () => {
    await closeDatabase();

    await expect(restoreDatabase({ config: targetConfig, file: exportFile, replace: false })).rejects.toThrow(
      /the target database already contains console data \(.*\): pass --replace to overwrite all of it/,
    );
  });

  it("replaces existing data with replace", async () => {
    await closeDatabase();

    const result = await restoreDatabase({ config: targetConfig, file: exportFile, replace: true });

    expect(result.imported?.rowCounts.User).toBe(source.counts.users);
    expect(await countRows()).toEqual(source.counts);
  });

  it("rejects a file that is not an export", async () => {
    const notExport = path.join(workDir, "notes.txt");
    writeFileSync(notExport, "hello");
    await closeDatabase();

    await expect(restoreDatabase({ config: targetConfig, file: notExport, replace: false })).rejects.toThrow(/is not a readable console export/);
  });
});
