import "server-only";

import { ConsoleError } from "@/lib/errors/console-error";
import { RateLimitError } from "@/lib/errors/rate-limit-error";

import { getRateLimiter } from "./get-rate-limiter";
import { RATE_LIMIT_SETTINGS, type RateLimitName } from "./rate-limit-rules";

// Counts one request of `subject` (a key ID, an IP address or an account)
// under the named limit, or throws a 429 RateLimitError with the seconds
// to wait. `subject` must not contain a NUL character, which PostgreSQL text
// cannot store: callers pass key IDs, IP addresses or hashes.
export function enforceRateLimit(name: RateLimitName, subject: string): void {
  if (subject.includes("\u0000")) {
    throw new ConsoleError("invalid_input", "the request contains a NUL character, which no field may contain");
  }

  const { limiter, config } = getRateLimiter();
  const rule = config.rules[name];
  const setting = RATE_LIMIT_SETTINGS[name];
  const decision = limiter.take(`${setting.bucketPrefix}:${subject}`, rule);

  if (!decision.allowed) {
    throw new RateLimitError(
      `too many requests from ${setting.subject}: at most ${rule.limit} per ${rule.windowSeconds} seconds; retry after ${decision.retryAfterSeconds} seconds`,
      decision.retryAfterSeconds,
    );
  }
}
