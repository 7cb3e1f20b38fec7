import "server-only";

import { getDb } from "@/lib/db/get-db";
import { KEY_CACHE_TTL_MS } from "@/lib/keys/key-cache";

export interface DemoEndpointRecord {
  enabled: boolean;
  keyId: string | null;
  grants: string[];
  ttlSeconds: number;
}

interface CacheEntry {
  record: DemoEndpointRecord | null;
  loadedAt: number;
}

// On globalThis, like the key cache, so the HTTP front and the Next.js
// bundles share one copy per process.
const CACHE_SLOT = Symbol.for("bit6-console.demo-settings-cache");

interface SettingsCache {
  entries: Map<string, CacheEntry>;
  // Raised by every invalidation, so a read that was in flight during one
  // does not cache settings from before the change.
  generation: number;
}

type GlobalWithCache = typeof globalThis & { [CACHE_SLOT]?: SettingsCache };

function cache(): SettingsCache {
  const global = globalThis as GlobalWithCache;
  global[CACHE_SLOT] ??= { entries: new Map(), generation: 0 };
  return global[CACHE_SLOT];
}

// Returns an app's demo endpoint settings, read from the database at most
// once per KEY_CACHE_TTL_MS, because the public endpoint must not cost a
// query per request. A change made through this process is seen at once
// (configureDemoEndpoint invalidates the entry). One made on another
// instance is seen within KEY_CACHE_TTL_MS, the same bound as for keys.
// The key itself is checked through the key cache on every request, so a
// revoked key stops the endpoint as promptly as it stops the token API.
export async function findDemoSettings(appId: string): Promise<DemoEndpointRecord | null> {
  const state = cache();
  const entry = state.entries.get(appId);
  if (entry && Date.now() - entry.loadedAt < KEY_CACHE_TTL_MS) {
    return entry.record;
  }

  const generation = state.generation;
  const db = await getDb();
  const record = await db.demoEndpoint.findUnique({
    where: { appId },
    select: { enabled: true, keyId: true, grants: true, ttlSeconds: true },
  });

  // Unknown app IDs are not cached, so random IDs cannot fill the memory.
  if (record && state.generation === generation) {
    state.entries.set(appId, { record, loadedAt: Date.now() });
  }
  return record;
}

// Drops an app's cached settings after they change.
export function invalidateDemoSettings(appId: string): void {
  const state = cache();
  state.generation += 1;
  state.entries.delete(appId);
}
