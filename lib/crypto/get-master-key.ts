import "server-only";

import { getDatabase, getDb } from "@/lib/db/get-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ConsoleError } from "@/lib/errors/console-error";
import { logger } from "@/lib/log/logger";

import { computeMasterKeyCheck, loadMasterKey, MASTER_KEY_CHECK_SETTING, matchesMasterKeyCheck, type LoadedMasterKey } from "./master-key";

const MASTER_KEY_SLOT = Symbol.for("bit6-console.master-key");

type GlobalWithMasterKey = typeof globalThis & { [MASTER_KEY_SLOT]?: Promise<LoadedMasterKey> };

// Returns the master key that encrypts new secrets, loading and checking it
// against the database once per process. During a rotation
// (CONSOLE_ENCRYPTION_KEY_PREVIOUS set) it is the key that the stored check
// value names, read at each call. So all secrets stay under one key until
// `npm run keys:reencrypt` moves them and the check value together, and
// instances not yet given the new key can still decrypt every secret.
export async function getMasterKey(): Promise<Buffer> {
  const loaded = await getLoadedMasterKey();
  if (!loaded.previousKey) {
    return loaded.key;
  }

  const db = await getDb();
  const stored = await db.consoleSetting.findUnique({ where: { name: MASTER_KEY_CHECK_SETTING } });
  return stored && matchesMasterKeyCheck(loaded.previousKey, stored.value) ? loaded.previousKey : loaded.key;
}

// Returns every configured master key for decryption: the current one
// first, then CONSOLE_ENCRYPTION_KEY_PREVIOUS during a rotation.
export async function getMasterKeys(): Promise<Buffer[]> {
  const loaded = await getLoadedMasterKey();
  return loaded.previousKey ? [loaded.key, loaded.previousKey] : [loaded.key];
}

export function getLoadedMasterKey(): Promise<LoadedMasterKey> {
  const global = globalThis as GlobalWithMasterKey;

  if (!global[MASTER_KEY_SLOT]) {
    const loading = loadAndCheckMasterKey();
    loading.catch(() => {
      if (global[MASTER_KEY_SLOT] === loading) {
        delete global[MASTER_KEY_SLOT];
      }
    });
    global[MASTER_KEY_SLOT] = loading;
  }

  return global[MASTER_KEY_SLOT];
}

async function loadAndCheckMasterKey(): Promise<LoadedMasterKey> {
  const database = await getDatabase();
  const prisma = database.prisma;

  const stored = await prisma.consoleSetting.findUnique({ where: { name: MASTER_KEY_CHECK_SETTING } });
  const keyCount = await prisma.apiKey.count();
  const loaded = loadMasterKey({ config: database.config, mayGenerate: stored === null && keyCount === 0 });

  const rotating = stored !== null && loaded.previousKey !== undefined && matchesMasterKeyCheck(loaded.previousKey, stored.value);
  if (stored && !rotating && !matchesMasterKeyCheck(loaded.key, stored.value)) {
    throw new ConsoleError(
      "invalid_config",
      `the master encryption key from ${describeSource(loaded)} is not the key that encrypted the stored secrets: ` +
        "set CONSOLE_ENCRYPTION_KEY (or restore .data/master.key) to the original key, " +
        "or during a rotation set CONSOLE_ENCRYPTION_KEY_PREVIOUS to it",
    );
  }
  if (rotating) {
    logger.warn(
      "master key rotation in progress: stored secrets are still under CONSOLE_ENCRYPTION_KEY_PREVIOUS; " +
        "once every instance has the new key, run npm run keys:reencrypt",
    );
  }

  if (!stored) {
    await recordMasterKeyCheck(prisma, loaded);
  }

  if (loaded.source === "generated") {
    logger.warn(
      { file: loaded.filePath },
      "generated a new master encryption key (mode 0600) for the embedded database: back this file up, because stored secrets cannot be decrypted without it",
    );
  } else {
    logger.info({ source: describeSource(loaded) }, "loaded the master encryption key");
  }

  return loaded;
}

// Another instance may record its check value at the same moment. The first
// one wins, and every other instance must then hold the same key.
async function recordMasterKeyCheck(prisma: PrismaClient, loaded: LoadedMasterKey): Promise<void> {
  await prisma.consoleSetting.createMany({
    data: [{ name: MASTER_KEY_CHECK_SETTING, value: computeMasterKeyCheck(loaded.key) }],
    skipDuplicates: true,
  });

  const recorded = await prisma.consoleSetting.findUniqueOrThrow({ where: { name: MASTER_KEY_CHECK_SETTING } });
  if (!matchesMasterKeyCheck(loaded.key, recorded.value)) {
    throw new ConsoleError(
      "invalid_config",
      `another console instance recorded a different master encryption key: give every instance the same CONSOLE_ENCRYPTION_KEY`,
    );
  }
}

function describeSource(loaded: LoadedMasterKey): string {
  return loaded.source === "environment" ? "CONSOLE_ENCRYPTION_KEY" : (loaded.filePath ?? "the key file");
}
