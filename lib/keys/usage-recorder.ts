import "server-only";

import { getDb } from "@/lib/db/get-db";
import { logger } from "@/lib/log/logger";
import { runAfterPrevious, type FlushChain } from "@/lib/queue/run-after-previous";

export type KeyUse = "sign" | "verify";

// How often counts reach the database: at most one write per key per
// interval, instead of one per request.
export const USAGE_FLUSH_INTERVAL_MS = 60_000;

// The key list counts the tokens each key signed in this window. Rows of
// older minutes are not read, and pruneKeyUsage deletes them.
export const USAGE_WINDOW_MS = 24 * 60 * 60 * 1000;

// Uses of one key counted in memory and not yet written.
export interface PendingUsage {
  signs: number;
  verifies: number;
  lastUsedAt: Date;
}

// The link to the thread that counts the uses (see forwardKeyUses).
export interface KeyUseForwarder {
  record(keyId: string, use: KeyUse, at: Date): void;
  // Returns that thread's pending uses of these keys, which include every
  // use recorded here before the call.
  readPending(keyIds: string[]): Promise<Map<string, PendingUsage>>;
}

interface UsageState extends FlushChain {
  pending: Map<string, PendingUsage>;
  timer?: NodeJS.Timeout;
  forward?: KeyUseForwarder;
}

const USAGE_SLOT = Symbol.for("bit6-console.key-usage");

type GlobalWithUsage = typeof globalThis & { [USAGE_SLOT]?: UsageState };

function usageState(): UsageState {
  const global = globalThis as GlobalWithUsage;
  global[USAGE_SLOT] ??= { pending: new Map() };
  return global[USAGE_SLOT];
}

// Makes this thread pass every use to `forward` instead of counting it. The
// production server's Next.js thread forwards its uses to the main thread,
// so one thread counts every use in the process and its timed flush writes
// each key once, not once per thread.
export function forwardKeyUses(forward: KeyUseForwarder | undefined): void {
  usageState().forward = forward;
}

// Counts one use of a key in memory. The counts are written by
// flushKeyUsage, which runs every USAGE_FLUSH_INTERVAL_MS.
export function recordKeyUse(keyId: string, use: KeyUse, at: Date = new Date()): void {
  const state = usageState();
  if (state.forward) {
    state.forward.record(keyId, use, at);
    return;
  }

  const entry = state.pending.get(keyId) ?? { signs: 0, verifies: 0, lastUsedAt: at };

  if (use === "sign") {
    entry.signs += 1;
  } else {
    entry.verifies += 1;
  }
  entry.lastUsedAt = at;
  state.pending.set(keyId, entry);

  if (!state.timer) {
    state.timer = setInterval(() => {
      flushKeyUsage().catch((error: unknown) => logger.error({ err: error }, "failed to write key usage"));
    }, USAGE_FLUSH_INTERVAL_MS);
    // Usage counting must not keep a finished process alive.
    state.timer.unref();
  }
}

// Writes the counted uses, after any flush in progress: one upsert into the
// key's current minute and one lastUsedAt update per key. Counts of a failed
// write are put back for the next flush.
// NOTE: every use since the last flush is filed under the minute of the
// latest one, so at the edge of the 24-hour window the count can be off by
// about one flush interval's uses, more after a failed write.
export function flushKeyUsage(): Promise<void> {
  const state = usageState();
  return runAfterPrevious(state, () => writePendingUsage(state));
}

async function writePendingUsage(state: UsageState): Promise<void> {
  if (state.pending.size === 0) {
    return;
  }

  const batch = state.pending;
  state.pending = new Map();
  const db = await getDb();

  for (const [keyId, usage] of batch) {
    const minuteStart = new Date(Math.floor(usage.lastUsedAt.getTime() / 60_000) * 60_000);

    try {
      await db.$transaction([
        db.keyUsage.upsert({
          where: { keyId_minuteStart: { keyId, minuteStart } },
          create: { keyId, minuteStart, tokenCount: usage.signs, verifyCount: usage.verifies },
          update: { tokenCount: { increment: usage.signs }, verifyCount: { increment: usage.verifies } },
        }),
        db.apiKey.updateMany({ where: { id: keyId }, data: { lastUsedAt: usage.lastUsedAt } }),
      ]);
    } catch (error) {
      logger.warn({ err: error, keyId }, "failed to write key usage; keeping the counts for the next flush");
      mergeBack(state, keyId, usage);
    }
  }
}

function mergeBack(state: UsageState, keyId: string, usage: PendingUsage): void {
  const current = state.pending.get(keyId);
  if (!current) {
    state.pending.set(keyId, usage);
    return;
  }
  current.signs += usage.signs;
  current.verifies += usage.verifies;
}

// Returns this thread's pending uses of these keys.
export function readPendingUsage(keyIds: string[]): Map<string, PendingUsage> {
  const pending = usageState().pending;
  const found = new Map<string, PendingUsage>();

  for (const keyId of keyIds) {
    const usage = pending.get(keyId);
    if (usage) {
      found.set(keyId, usage);
    }
  }
  return found;
}

// Usage shown in the key list: tokens signed in the last 24 hours, counting
// what is still in memory, and the last use.
export async function readKeyUsage(keyIds: string[], now: Date = new Date()): Promise<Map<string, { tokens24h: number; lastUsedAt: Date | null }>> {
  const db = await getDb();
  const since = new Date(now.getTime() - USAGE_WINDOW_MS);

  const [sums, keys] = await Promise.all([
    db.keyUsage.groupBy({ by: ["keyId"], where: { keyId: { in: keyIds }, minuteStart: { gte: since } }, _sum: { tokenCount: true } }),
    db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, lastUsedAt: true } }),
  ]);

  const forward = usageState().forward;
  const pending = forward ? await forward.readPending(keyIds) : readPendingUsage(keyIds);
  const result = new Map<string, { tokens24h: number; lastUsedAt: Date | null }>();

  for (const key of keys) {
    const stored = sums.find((sum) => sum.keyId === key.id)?._sum.tokenCount ?? 0;
    const inMemory = pending.get(key.id);
    result.set(key.id, {
      tokens24h: stored + (inMemory?.signs ?? 0),
      lastUsedAt: inMemory?.lastUsedAt ?? key.lastUsedAt,
    });
  }

  return result;
}
