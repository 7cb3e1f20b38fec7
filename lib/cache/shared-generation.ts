import "server-only";

import { addToSlot, readSlot, type SharedSlot } from "@/lib/threads/shared-slots";

// Generations of cached data, shared by every thread of the console process
// and raised whenever that data changes. A key revoked through a page, in
// the production server's Next.js thread, must drop the copy cached by the
// thread that serves the token API before the revocation's request
// finishes.
export type GenerationName = "keys" | "demoSettings";

const SLOTS: Record<GenerationName, SharedSlot> = { keys: "keysGeneration", demoSettings: "demoSettingsGeneration" };

export function readGeneration(name: GenerationName): number {
  return readSlot(SLOTS[name]);
}

export function raiseGeneration(name: GenerationName): void {
  addToSlot(SLOTS[name], 1);
}

// One thread's cache, with the shared generation its entries were read
// under. Any change, made by any thread of this process, raises that
// generation and so empties the cache.
export interface GenerationCache<Entry> {
  entries: Map<string, Entry>;
  generation: number;
}

// Returns this thread's cache kept on globalThis under `slot` (one copy for
// every bundle that Next.js builds), emptied first when the `name`
// generation rose since it was filled.
export function threadCache<Entry>(slot: symbol, name: GenerationName): GenerationCache<Entry> {
  const global = globalThis as typeof globalThis & Record<symbol, GenerationCache<Entry> | undefined>;
  const generation = readGeneration(name);
  const state = (global[slot] ??= { entries: new Map(), generation });

  if (state.generation !== generation) {
    state.entries.clear();
    state.generation = generation;
  }
  return state;
}
