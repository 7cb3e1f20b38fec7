import "server-only";

import type { SqlSession } from "@/lib/db/sql-session";
import { logger } from "@/lib/log/logger";

import type { RateRule } from "./rate-limit-rules";

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

// Counts of one bucket in one fixed window.
interface WindowCount {
  // The bucket and the window's start, which identify the shared row.
  id: string;
  bucket: string;
  windowStartMs: number;
  windowEndMs: number;
  // This instance's hits that are not yet added to the shared row.
  pending: number;
  // The shared row's total at the last sync: every instance's flushed hits.
  synced: number;
}

// Past this many tracked windows, new buckets are refused outright instead
// of growing memory without bound under a flood of distinct addresses.
const MAX_TRACKED_WINDOWS = 200_000;

// Rows of windows that ended this long ago are deleted by the next sync.
const CLEANUP_EVERY_MS = 60_000;

// Adds each window's pending hits to its shared row and returns the new
// totals, in one statement for all windows. Rows are sent in a fixed order,
// so two instances that sync at once lock them in the same order and
// cannot deadlock.
const SYNC_SQL = `
INSERT INTO "RateLimitWindow" ("bucket", "windowStart", "hits")
SELECT bucket, to_timestamp(start_ms / 1000.0) AT TIME ZONE 'UTC', delta
FROM unnest($1::text[], $2::float8[], $3::int[]) AS input(bucket, start_ms, delta)
ON CONFLICT ("bucket", "windowStart") DO UPDATE SET "hits" = "RateLimitWindow"."hits" + EXCLUDED."hits"
RETURNING "bucket", (extract(epoch FROM "windowStart") * 1000)::float8 AS "startMs", "hits"`;

const CLEANUP_SQL = `DELETE FROM "RateLimitWindow" WHERE "windowStart" < to_timestamp($1 / 1000.0) AT TIME ZONE 'UTC'`;

export interface RateLimiterOptions {
  // Returns the raw SQL session of the shared database, opened on first use.
  openSql: () => Promise<SqlSession>;
  // Rows of ended windows older than this are deleted; at least the longest
  // window of any rule.
  retainMs: number;
  now?: () => number;
}

// A fixed-window rate limiter shared by every instance that uses the same
// database. Each instance decides in memory, from the shared totals it read
// at its last sync plus its own hits since, so a request never waits on
// the database. sync() adds the local hits to the RateLimitWindow rows and
// reads back the totals of all instances. Until the next sync an instance
// does not see the other instances' newest hits, which bounds how far they
// can overshoot together (see README, "Rate limits").
export class RateLimiter {
  readonly #openSql: () => Promise<SqlSession>;
  readonly #retainMs: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, WindowCount>();
  #syncing: Promise<void> | null = null;
  #lastCleanupMs = 0;
  #failedSyncs = 0;

  constructor(options: RateLimiterOptions) {
    this.#openSql = options.openSql;
    this.#retainMs = options.retainMs;
    this.#now = options.now ?? Date.now;
  }

  // Counts one request against `bucket` under `rule`, or refuses it. A
  // refused request is not counted, so clients that keep retrying do not
  // push their own limit further out.
  take(bucket: string, rule: RateRule): RateDecision {
    const now = this.#now();
    const windowMs = rule.windowSeconds * 1000;
    const windowStartMs = Math.floor(now / windowMs) * windowMs;
    const id = windowId(bucket, windowStartMs);

    let count = this.#windows.get(id);
    if (!count) {
      if (this.#windows.size >= MAX_TRACKED_WINDOWS) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStartMs + windowMs - now) / 1000)) };
      }
      count = { id, bucket, windowStartMs, windowEndMs: windowStartMs + windowMs, pending: 0, synced: 0 };
      this.#windows.set(id, count);
    }

    const used = count.synced + count.pending;
    if (used >= rule.limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((count.windowEndMs - now) / 1000)) };
    }

    count.pending += 1;
    return { allowed: true, remaining: rule.limit - used - 1 };
  }

  // Adds the local hits of every live window to the shared rows and reads
  // back their totals. Calls made while one runs wait for it instead of
  // sending the same hits twice.
  sync(): Promise<void> {
    this.#syncing ??= this.#syncOnce().finally(() => {
      this.#syncing = null;
    });
    return this.#syncing;
  }

  // Windows tracked in memory, for tests and diagnostics.
  get trackedWindows(): number {
    return this.#windows.size;
  }

  async #syncOnce(): Promise<void> {
    const now = this.#now();
    this.#dropEndedWindows(now);

    const counts = [...this.#windows.values()].sort(compareWindowIds);
    if (counts.length === 0) {
      return;
    }

    // Hits taken while the statement runs stay pending for the next sync.
    const deltas = counts.map((count) => count.pending);

    try {
      const sql = await this.#openSql();
      const rows = await sql.query<{ bucket: string; startMs: number; hits: number }>(SYNC_SQL, [
        counts.map((count) => count.bucket),
        counts.map((count) => count.windowStartMs),
        deltas,
      ]);

      const totals = new Map(rows.map((row) => [windowId(row.bucket, Number(row.startMs)), Number(row.hits)]));
      counts.forEach((count, index) => {
        count.pending -= deltas[index] ?? 0;
        count.synced = totals.get(count.id) ?? count.synced + (deltas[index] ?? 0);
      });

      await this.#deleteOldRows(sql, now);
      this.#reportRecovery();
    } catch (error) {
      this.#reportFailure(error);
    }
  }

  // A window that ended and has nothing left to send no longer matters.
  #dropEndedWindows(now: number): void {
    for (const [id, count] of this.#windows) {
      if (count.windowEndMs <= now && count.pending === 0) {
        this.#windows.delete(id);
      }
    }
  }

  async #deleteOldRows(sql: SqlSession, now: number): Promise<void> {
    if (now - this.#lastCleanupMs < CLEANUP_EVERY_MS) {
      return;
    }
    this.#lastCleanupMs = now;
    await sql.query(CLEANUP_SQL, [now - this.#retainMs]);
  }

  // While the database is unreachable each instance still enforces every
  // limit on its own hits, so the instances together admit at most
  // instances × limit. Only the first failure of a run is logged as a
  // warning, to keep a database outage from flooding the log.
  #reportFailure(error: unknown): void {
    this.#failedSyncs += 1;
    if (this.#failedSyncs === 1) {
      logger.warn({ err: error }, "failed to sync rate limit counters with the database; limiting per instance until it works again");
    } else {
      logger.debug({ err: error, failedSyncs: this.#failedSyncs }, "rate limit sync failed again");
    }
  }

  #reportRecovery(): void {
    if (this.#failedSyncs > 0) {
      logger.info({ failedSyncs: this.#failedSyncs }, "rate limit counters are syncing with the database again");
      this.#failedSyncs = 0;
    }
  }
}

function windowId(bucket: string, windowStartMs: number): string {
  return `${bucket}\u0000${windowStartMs}`;
}

// Orders windows by ID in code-unit order, which is the same on every
// instance whatever its locale, so instances lock rows in one order.
function compareWindowIds(a: { id: string }, b: { id: string }): number {
  if (a.id === b.id) {
    return 0;
  }
  return a.id < b.id ? -1 : 1;
}
