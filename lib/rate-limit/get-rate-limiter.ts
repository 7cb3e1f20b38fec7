import "server-only";

import { getDatabase } from "@/lib/db/get-db";
import { logger } from "@/lib/log/logger";

import { RateLimiter } from "./rate-limiter";
import { readRateLimitConfig, type RateLimitConfig } from "./rate-limit-rules";

interface LimiterState {
  limiter: RateLimiter;
  config: RateLimitConfig;
  timer: NodeJS.Timeout;
}

// On globalThis because Next.js bundles route handlers and server actions
// separately from the HTTP front, and all of them must count into one
// limiter per process.
const LIMITER_SLOT = Symbol.for("bit6-console.rate-limiter");

type GlobalWithLimiter = typeof globalThis & { [LIMITER_SLOT]?: LimiterState };

// Returns the process-wide limiter and its rules, created on first use with
// the limits from the environment. It syncs with the database every
// RATE_LIMIT_SYNC_MS.
export function getRateLimiter(): { limiter: RateLimiter; config: RateLimitConfig } {
  const global = globalThis as GlobalWithLimiter;

  if (!global[LIMITER_SLOT]) {
    const config = readRateLimitConfig();
    const longestWindowMs = Math.max(...Object.values(config.rules).map((rule) => rule.windowSeconds * 1000));
    const limiter = new RateLimiter({ openSql: async () => (await getDatabase()).sql, retainMs: 2 * longestWindowMs });

    const timer = setInterval(() => {
      limiter.sync().catch((error: unknown) => logger.error({ err: error }, "rate limit sync failed"));
    }, config.syncIntervalMs);
    // Syncing must not keep a finished process alive.
    timer.unref();

    global[LIMITER_SLOT] = { limiter, config, timer };
  }

  return global[LIMITER_SLOT];
}

// Sends the last counts and stops syncing, for shutdown and tests.
export async function stopRateLimiter(): Promise<void> {
  const global = globalThis as GlobalWithLimiter;
  const state = global[LIMITER_SLOT];
  if (!state) {
    return;
  }

  delete global[LIMITER_SLOT];
  clearInterval(state.timer);
  await state.limiter.sync();
}
