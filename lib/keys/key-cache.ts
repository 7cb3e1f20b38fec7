import "server-only";

import { createHash } from "node:crypto";

import { raiseGeneration, readGeneration, threadCache, type GenerationCache } from "@/lib/cache/shared-generation";
import { decryptSecretWithAnyKey } from "@/lib/crypto/secret-box";
import { getMasterKeys } from "@/lib/crypto/get-master-key";
import { getDb } from "@/lib/db/get-db";
import type { KeyStatus } from "@/lib/generated/prisma/enums";

import { KEY_ID_PATTERN } from "./key-id-pattern";

// A key as signing and verifying need it, with its secret decrypted. It lives
// only in this process's memory.
export interface KeyRecord {
  id: string;
  appId: string;
  appName: string;
  label: string;
  secret: string;
  // SHA-256 of the secret, which HTTP Basic auth compares in constant time.
  secretDigest: Buffer;
  status: KeyStatus;
  expiresAt: Date | null;
  allowedGrants: string[];
  maxTtlSeconds: number | null;
  allowedOrigins: string[];
}

// How long another instance's change can go unseen by this one. Changes made
// through this process invalidate their entry at once, so on one instance a
// revocation holds for every request that starts after it commits.
export const KEY_CACHE_TTL_MS = 2_000;

// Above this many entries, expired ones are swept before a new one is added,
// so lookups of many unknown key IDs leave at most the last KEY_CACHE_TTL_MS
// worth of entries behind.
const SWEEP_ABOVE_ENTRIES = 10_000;

interface CacheEntry {
  record: KeyRecord | null;
  loadedAt: number;
  loading?: Promise<KeyRecord | null>;
}

// On globalThis because Next.js bundles route handlers, server actions and
// the HTTP front separately, and all of them must see one cache.
const CACHE_SLOT = Symbol.for("bit6-console.key-cache");

function cache(): GenerationCache<CacheEntry> {
  return threadCache(CACHE_SLOT, "keys");
}

// Returns the key with this ID, from memory when it was read within the last
// KEY_CACHE_TTL_MS. The caller checks status, expiry and app membership. An
// ID that is not in the key ID format cannot exist, so it is not looked up.
export async function findKeyRecord(keyId: string): Promise<KeyRecord | null> {
  if (!KEY_ID_PATTERN.test(keyId)) {
    return null;
  }

  const state = cache();
  const entry = state.entries.get(keyId);

  if (entry && !entry.loading && Date.now() - entry.loadedAt < KEY_CACHE_TTL_MS) {
    return entry.record;
  }
  if (entry?.loading) {
    return entry.loading;
  }

  if (state.entries.size > SWEEP_ABOVE_ENTRIES) {
    sweepExpiredEntries(state.entries);
  }

  const generation = state.generation;
  const loading = loadKeyRecord(keyId);
  state.entries.set(keyId, { record: null, loadedAt: 0, loading });

  try {
    const record = await loading;
    // An invalidation that ran while this read was in flight wins: the read
    // may have seen the row before the change committed.
    if (readGeneration("keys") === generation) {
      state.entries.set(keyId, { record, loadedAt: Date.now() });
    } else {
      state.entries.delete(keyId);
    }
    return record;
  } catch (error) {
    state.entries.delete(keyId);
    throw error;
  }
}

function sweepExpiredEntries(entries: Map<string, CacheEntry>): void {
  const now = Date.now();
  for (const [keyId, entry] of entries) {
    if (!entry.loading && now - entry.loadedAt >= KEY_CACHE_TTL_MS) {
      entries.delete(keyId);
    }
  }
}

// Drops every cached key in every thread of this process. Key changes call
// it before they write and again after they commit. Changes are rare, and a
// shared counter cannot name one key, so all keys are read again.
export function invalidateKeyRecords(): void {
  raiseGeneration("keys");
}

async function loadKeyRecord(keyId: string): Promise<KeyRecord | null> {
  const db = await getDb();

  const key = await db.apiKey.findUnique({
    where: { id: keyId },
    select: {
      id: true,
      appId: true,
      label: true,
      secretCiphertext: true,
      status: true,
      expiresAt: true,
      allowedGrants: true,
      maxTtlSeconds: true,
      allowedOrigins: true,
      app: { select: { name: true } },
    },
  });

  if (!key) {
    return null;
  }

  const masterKeys = await getMasterKeys();
  const secret = decryptSecretWithAnyKey(key.secretCiphertext, { masterKeys, keyId: key.id });
  return {
    id: key.id,
    appId: key.appId,
    appName: key.app.name,
    label: key.label,
    secret,
    secretDigest: createHash("sha256").update(secret, "utf8").digest(),
    status: key.status,
    expiresAt: key.expiresAt,
    allowedGrants: key.allowedGrants,
    maxTtlSeconds: key.maxTtlSeconds,
    allowedOrigins: key.allowedOrigins,
  };
}
