import "server-only";

import { raiseGeneration, readGeneration, threadCache, type GenerationCache } from "@/lib/cache/shared-generation";
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

// A read compares the generation before and after, so one that was in
// flight during a change does not cache the settings from before it.
function cache(): GenerationCache<CacheEntry> {
  return threadCache(CACHE_SLOT, "demoSettings");
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
  if (record && readGeneration("demoSettings") === generation) {
    state.entries.set(appId, { record, loadedAt: Date.now() });
  }
  return record;
}

// Drops every app's cached settings, in every thread of this process, after
// one app's settings change.
export function invalidateDemoSettings(): void {
  raiseGeneration("demoSettings");
}
