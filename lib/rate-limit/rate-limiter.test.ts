import { beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/lib/db/get-db";
import type { SqlSession } from "@/lib/db/sql-session";
import { useTempDatabase } from "@/lib/testing/temp-database";

import { RateLimiter } from "./rate-limiter";

useTempDatabase();

// Opening PGlite and migrating takes seconds, which is setup, not a test.
beforeAll(async () => {
  await getDatabase();
});

const MINUTE = { limit: 100, windowSeconds: 60 };

// A clock the test moves by hand, starting at the beginning of a window.
function manualClock(startMs = 1_800_000_000_000) {
  let now = startMs;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

async function openSql(): Promise<SqlSession> {
  return (await getDatabase()).sql;
}

function newLimiter(clock: { now: () => number }) {
  return new RateLimiter({ openSql, retainMs: 120_000, now: clock.now });
}

function takeMany(limiter: RateLimiter, bucket: string, count: number, rule = MINUTE): number {
  let allowed = 0;
  for (let i = 0; i < count; i += 1) {
    if (limiter.take(bucket, rule).allowed) {
      allowed += 1;
    }
  }
  return allowed;
}

async function storedHits(bucket: string): Promise<number> {
  const rows = await (await openSql()).query<{ hits: number }>(`SELECT COALESCE(SUM("hits"), 0)::int AS hits FROM "RateLimitWindow" WHERE "bucket" = $1`, [bucket]);
  return Number(rows[0]?.hits ?? 0);
}

describe("RateLimiter", () => {
  it("refuses past the limit in one window", () => {
    const limiter = newLimiter(manualClock());

    expect(takeMany(limiter, "single", 150)).toBe(100);
    expect(limiter.take("single", MINUTE)).toMatchObject({ allowed: false });
  });

  it("gives Retry-After as the seconds left in the window", () => {
    const clock = manualClock();
    const limiter = newLimiter(clock);
    takeMany(limiter, "retry", 100);

    clock.advance(45_500);

    expect(limiter.take("retry", MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 15 });
  });

  it("starts a new count in the next window", () => {
    const clock = manualClock();
    const limiter = newLimiter(clock);
    takeMany(limiter, "next-window", 100);

    clock.advance(60_000);

    expect(limiter.take("next-window", MINUTE)).toEqual({ allowed: true, remaining: 99 });
  });

  it("keeps buckets apart", () => {
    const limiter = newLimiter(manualClock());
    takeMany(limiter, "bucket-a", 100);

    expect(limiter.take("bucket-b", MINUTE).allowed).toBe(true);
  });

  it("sync writes local hits to the shared row", async () => {
    const limiter = newLimiter(manualClock());
    takeMany(limiter, "written", 7);

    await limiter.sync();

    expect(await storedHits("written")).toBe(7);
  });

  it("sync sends each hit once", async () => {
    const limiter = newLimiter(manualClock());
    takeMany(limiter, "once", 5);

    await Promise.all([limiter.sync(), limiter.sync()]);
    await limiter.sync();

    expect(await storedHits("once")).toBe(5);
  });

  it("two instances share one limit after a sync", async () => {
    const clock = manualClock();
    const first = newLimiter(clock);
    const second = newLimiter(clock);

    expect(takeMany(first, "shared", 60)).toBe(60);
    await first.sync();
    // An instance reads a bucket's shared total from its first sync after
    // its first hit on that bucket.
    expect(takeMany(second, "shared", 1)).toBe(1);
    await second.sync();

    expect(takeMany(second, "shared", 100)).toBe(39);
    await second.sync();
    await first.sync();
    expect(first.take("shared", MINUTE).allowed).toBe(false);
  });

  it("two instances stay within the stated accuracy bound", async () => {
    // Each instance admits at most RATE hits per sync interval, and both
    // sync after every interval, in turn. README states the bound: the
    // instances together exceed the limit by at most
    // (instances - 1) x RATE x 2 intervals, because a hit reaches another
    // instance at its first sync after the hit's own instance flushed it.
    const clock = manualClock();
    const instances = [newLimiter(clock), newLimiter(clock)];
    const rate = 7;
    let admitted = 0;

    for (let interval = 0; interval < 40; interval += 1) {
      for (const limiter of instances) {
        admitted += takeMany(limiter, "bound", rate);
      }
      for (const limiter of instances) {
        await limiter.sync();
      }
      clock.advance(1000);
    }

    const bound = MINUTE.limit + (instances.length - 1) * rate * 2;
    expect(admitted).toBeGreaterThanOrEqual(MINUTE.limit);
    expect(admitted).toBeLessThanOrEqual(bound);
    expect(await storedHits("bound")).toBe(admitted);
  });

  it("two instances without a sync each admit the whole limit", async () => {
    // The contrast to the test above: without the shared rows every
    // instance counts alone, so this would pass the bound.
    const clock = manualClock();
    const first = newLimiter(clock);
    const second = newLimiter(clock);

    const admitted = takeMany(first, "unsynced", 150) + takeMany(second, "unsynced", 150);

    expect(admitted).toBe(200);
  });

  it("keeps counting when the database fails", async () => {
    const limiter = new RateLimiter({
      openSql: () => Promise.reject(new Error("database unreachable")),
      retainMs: 120_000,
      now: manualClock().now,
    });
    takeMany(limiter, "offline", 100);

    await expect(limiter.sync()).resolves.toBeUndefined();

    expect(limiter.take("offline", MINUTE).allowed).toBe(false);
  });

  it("drops ended windows after a sync", async () => {
    const clock = manualClock();
    const limiter = newLimiter(clock);
    takeMany(limiter, "ended", 3);
    await limiter.sync();

    clock.advance(61_000);
    await limiter.sync();

    expect(limiter.trackedWindows).toBe(0);
  });

  it("deletes old rows from the database", async () => {
    const clock = manualClock();
    const limiter = newLimiter(clock);
    takeMany(limiter, "old-row", 2);
    await limiter.sync();

    // Past the 120 s retention and the cleanup interval.
    clock.advance(200_000);
    takeMany(limiter, "fresh-row", 1);
    await limiter.sync();

    expect(await storedHits("old-row")).toBe(0);
    expect(await storedHits("fresh-row")).toBe(1);
  });
});
