import { ConsoleError } from "@/lib/errors/console-error";

// A fixed-window limit: at most `limit` requests per `windowSeconds`.
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

export type RateLimitName = "apiPerKey" | "apiPerIp" | "demoPerKey" | "demoPerIp" | "signInPerAccount" | "signInPerIp";

// Each limit's environment variable and default, as "COUNT/SECONDS", the
// prefix of its buckets in RateLimitWindow, and what it counts, for the
// message a rejected client reads. The defaults let one busy app server
// mint about 100 tokens a second. They keep the public demo endpoint to a
// token every two seconds per visitor, and slow password guessing to 10
// tries per account and 200 per address in 15 minutes.
export interface RateLimitSetting {
  variable: string;
  fallback: string;
  bucketPrefix: string;
  subject: string;
}

export const RATE_LIMIT_SETTINGS: Readonly<Record<RateLimitName, RateLimitSetting>> = {
  apiPerKey: { variable: "RATE_LIMIT_API_PER_KEY", fallback: "6000/60", bucketPrefix: "api-key", subject: "this key" },
  apiPerIp: { variable: "RATE_LIMIT_API_PER_IP", fallback: "6000/60", bucketPrefix: "api-ip", subject: "this client address" },
  demoPerKey: { variable: "RATE_LIMIT_DEMO_PER_KEY", fallback: "600/60", bucketPrefix: "demo-key", subject: "this demo endpoint" },
  demoPerIp: { variable: "RATE_LIMIT_DEMO_PER_IP", fallback: "30/60", bucketPrefix: "demo-ip", subject: "this client address" },
  signInPerAccount: { variable: "RATE_LIMIT_SIGN_IN_PER_ACCOUNT", fallback: "10/900", bucketPrefix: "sign-in-account", subject: "this account" },
  signInPerIp: { variable: "RATE_LIMIT_SIGN_IN_PER_IP", fallback: "200/900", bucketPrefix: "sign-in-ip", subject: "this client address" },
};

export const SYNC_INTERVAL_VARIABLE = "RATE_LIMIT_SYNC_MS";
export const DEFAULT_SYNC_INTERVAL_MS = 1000;

export interface RateLimitConfig {
  rules: Record<RateLimitName, RateRule>;
  syncIntervalMs: number;
}

// Reads every limit from the environment. A malformed value stops the
// start with a message naming the variable, instead of silently running
// without the limit.
export function readRateLimitConfig(env: Record<string, string | undefined> = process.env): RateLimitConfig {
  const rules = {} as Record<RateLimitName, RateRule>;

  for (const [name, setting] of Object.entries(RATE_LIMIT_SETTINGS) as [RateLimitName, RateLimitSetting][]) {
    rules[name] = parseRateRule(setting.variable, env[setting.variable]?.trim() || setting.fallback);
  }

  return { rules, syncIntervalMs: parseSyncInterval(env[SYNC_INTERVAL_VARIABLE]) };
}

export function parseRateRule(variable: string, text: string): RateRule {
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
  const limit = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);

  if (!match || !Number.isSafeInteger(limit) || limit < 1 || !Number.isSafeInteger(windowSeconds) || windowSeconds < 1 || windowSeconds > 86_400) {
    throw new ConsoleError(
      "invalid_config",
      `${variable} '${text}' is invalid: write COUNT/SECONDS, such as 600/60 for 600 requests a minute (COUNT at least 1, SECONDS from 1 to 86400)`,
    );
  }

  return { limit, windowSeconds };
}

function parseSyncInterval(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") {
    return DEFAULT_SYNC_INTERVAL_MS;
  }

  const milliseconds = Number(raw);
  if (!Number.isInteger(milliseconds) || milliseconds < 50 || milliseconds > 60_000) {
    throw new ConsoleError(
      "invalid_config",
      `${SYNC_INTERVAL_VARIABLE} '${raw}' is invalid: use a whole number of milliseconds from 50 to 60000`,
    );
  }

  return milliseconds;
}
