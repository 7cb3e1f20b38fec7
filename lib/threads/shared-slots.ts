import "server-only";

// Numbers shared by every thread of the console process. The production
// server runs Next.js in a thread of its own (server/next-thread.ts) beside
// the thread that serves the token API. Each thread reads and changes these
// with Atomics, so a change is seen by the other thread at once, where a
// message would wait for its event loop.
export type SharedSlot =
  // Raised whenever a key changes (lib/cache/shared-generation.ts).
  | "keysGeneration"
  // Raised whenever an app's demo endpoint settings change.
  | "demoSettingsGeneration"
  // 1 while a thread has logged a database outage that no thread has logged
  // the end of (lib/db/database-health.ts).
  | "databaseDown";

const INDEX: Record<SharedSlot, number> = { keysGeneration: 0, demoSettingsGeneration: 1, databaseDown: 2 };

const SLOT = Symbol.for("bit6-console.shared-slots");

type GlobalWithSlots = typeof globalThis & { [SLOT]?: Int32Array };

function slots(): Int32Array {
  const global = globalThis as GlobalWithSlots;
  global[SLOT] ??= new Int32Array(new SharedArrayBuffer(Object.keys(INDEX).length * Int32Array.BYTES_PER_ELEMENT));
  return global[SLOT];
}

// The memory to hand to another thread, which passes it to adoptSharedSlots
// before it serves anything.
export function sharedSlotMemory(): SharedArrayBuffer {
  return slots().buffer as SharedArrayBuffer;
}

export function adoptSharedSlots(memory: SharedArrayBuffer): void {
  (globalThis as GlobalWithSlots)[SLOT] = new Int32Array(memory);
}

export function readSlot(name: SharedSlot): number {
  return Atomics.load(slots(), INDEX[name]);
}

export function addToSlot(name: SharedSlot, amount: number): void {
  Atomics.add(slots(), INDEX[name], amount);
}

// Sets the slot to `next` if it contains `expected`, and returns whether it
// did, so that of several threads exactly one wins the change.
export function swapSlot(name: SharedSlot, expected: number, next: number): boolean {
  return Atomics.compareExchange(slots(), INDEX[name], expected, next) === expected;
}
