import "server-only";

// Counters shared by every thread of the console process, raised whenever
// cached data changes. The production server runs Next.js in a thread of its
// own (server/next-thread.ts), so a key revoked through a page must drop the
// copy cached by the thread that serves the token API, before the
// revocation's request finishes. A counter in shared memory is seen by the
// other thread at once, where a message would wait for its event loop.
export type GenerationName = "keys" | "demoSettings";

const INDEX: Record<GenerationName, number> = { keys: 0, demoSettings: 1 };

const SLOT = Symbol.for("bit6-console.shared-generations");

type GlobalWithGenerations = typeof globalThis & { [SLOT]?: Int32Array };

function counters(): Int32Array {
  const global = globalThis as GlobalWithGenerations;
  global[SLOT] ??= new Int32Array(new SharedArrayBuffer(Object.keys(INDEX).length * Int32Array.BYTES_PER_ELEMENT));
  return global[SLOT];
}

// The memory to hand to another thread, which passes it to
// adoptSharedGenerations before it caches anything.
export function sharedGenerationMemory(): SharedArrayBuffer {
  return counters().buffer as SharedArrayBuffer;
}

export function adoptSharedGenerations(memory: SharedArrayBuffer): void {
  (globalThis as GlobalWithGenerations)[SLOT] = new Int32Array(memory);
}

export function readGeneration(name: GenerationName): number {
  return Atomics.load(counters(), INDEX[name]);
}

export function raiseGeneration(name: GenerationName): void {
  Atomics.add(counters(), INDEX[name], 1);
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
