import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { createApp } from "@/lib/apps/create-app";
import { readDatabaseConfig } from "@/lib/db/database-config";
import { closeDatabase, getDb } from "@/lib/db/get-db";
import { openSqlSession } from "@/lib/db/open-sql-session";
import { createApiKey } from "@/lib/keys/create-api-key";
import { findKeyRecord, invalidateKeyRecords } from "@/lib/keys/key-cache";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { runScript } from "@/lib/testing/run-script";
import { createUser } from "@/lib/users/create-user";

import { getLoadedMasterKey } from "./get-master-key";
import { reencryptSecrets } from "./reencrypt-secrets";
import { decryptSecret, encryptSecret } from "./secret-box";

useTempDatabase();

const MASTER_KEY_SLOT = Symbol.for("bit6-console.master-key");
const newKey = randomBytes(32);
let oldKey: Buffer;
let actor: { id: string; email: string; name: null };
let appId: string;

// Restarts the console's key handling with other master key settings, as a
// redeploy with new environment variables would.
async function restartWith(env: { current: Buffer; previous?: Buffer }): Promise<void> {
  await closeDatabase();
  delete (globalThis as Record<symbol, unknown>)[MASTER_KEY_SLOT];
  invalidateKeyRecords();
  process.env.CONSOLE_ENCRYPTION_KEY = env.current.toString("base64");
  process.env.CONSOLE_ENCRYPTION_KEY_PREVIOUS = env.previous?.toString("base64") ?? "";
}

// Runs the re-encryption on its own connection, as the command does. The
// console's database is closed first because PGlite allows one opener.
async function runReencrypt() {
  await closeDatabase();
  const { session, close } = await openSqlSession(readDatabaseConfig());
  try {
    return await reencryptSecrets({ session, newKey, previousKey: oldKey });
  } finally {
    await close();
  }
}

beforeAll(async () => {
  const user = await createUser({ email: "rotation@example.test", password: "correct horse battery" });
  actor = { ...user, name: null };
  appId = (await createApp({ actor, input: { name: "Rotation" } })).id;
  oldKey = (await getLoadedMasterKey()).key;
});

describe("master key rotation", () => {
  it("runs with the new and previous key before re-encryption", async () => {
    const before = await createApiKey({ actor, appId, input: { label: "before" } });
    await restartWith({ current: newKey, previous: oldKey });

    const during = await createApiKey({ actor, appId, input: { label: "during" } });

    expect((await findKeyRecord(before.keyId))?.secret).toBe(before.secret);
    expect((await findKeyRecord(during.keyId))?.secret).toBe(during.secret);
    // New secrets stay under the old key until the re-encryption, so
    // instances without the new key can still read them.
    const row = await (await getDb()).apiKey.findUniqueOrThrow({ where: { id: during.keyId } });
    expect(decryptSecret(row.secretCiphertext, { masterKey: oldKey, keyId: during.keyId })).toBe(during.secret);
  });

  it("re-encrypts every secret so the new key alone reads them", async () => {
    const db = await getDb();
    const keys = await db.apiKey.findMany({ select: { id: true } });

    const result = await runReencrypt();
    await restartWith({ current: newKey });

    expect(result).toEqual({ reencrypted: keys.length, alreadyCurrent: 0 });
    expect((await getLoadedMasterKey()).key.equals(newKey)).toBe(true);
    for (const key of keys) {
      expect((await findKeyRecord(key.id))?.secret, `key ${key.id}`).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it("leaves secrets already moved alone on a second run", async () => {
    const count = await (await getDb()).apiKey.count();

    const result = await runReencrypt();

    expect(result).toEqual({ reencrypted: 0, alreadyCurrent: count });
  });

  it("changes nothing when one secret fits neither key", async () => {
    await restartWith({ current: newKey });
    const stray = await createApiKey({ actor, appId, input: { label: "stray" } });
    const db = await getDb();
    const strayCiphertext = encryptSecret(stray.secret, { masterKey: randomBytes(32), keyId: stray.keyId });
    await db.apiKey.update({ where: { id: stray.keyId }, data: { secretCiphertext: strayCiphertext } });
    const before = await db.apiKey.findMany({ select: { id: true, secretCiphertext: true }, orderBy: { id: "asc" } });

    await expect(runReencrypt()).rejects.toThrow(`the secret of key ${stray.keyId} decrypts with neither CONSOLE_ENCRYPTION_KEY nor CONSOLE_ENCRYPTION_KEY_PREVIOUS`);

    const after = await (await getDb()).apiKey.findMany({ select: { id: true, secretCiphertext: true }, orderBy: { id: "asc" } });
    expect(after).toEqual(before);
  });
});

describe("keys:reencrypt command", () => {
  it("requires the previous key", async () => {
    const result = await runScript("keys-reencrypt.ts", {
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none",
      CONSOLE_ENCRYPTION_KEY: newKey.toString("base64"),
      CONSOLE_ENCRYPTION_KEY_PREVIOUS: undefined,
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain("keys:reencrypt failed: CONSOLE_ENCRYPTION_KEY_PREVIOUS is missing");
  });
});
