import { describe, expect, it } from "vitest";

import { DEFAULT_SYNC_INTERVAL_MS, parseRateRule, readRateLimitConfig } from "./rate-limit-rules";

describe("readRateLimitConfig", () => {
  it("uses the defaults with no variables", () => {
    const config = readRateLimitConfig({});

    expect(config.rules.apiPerKey).toEqual({ limit: 6000, windowSeconds: 60 });
    expect(config.rules.signInPerAccount).toEqual({ limit: 10, windowSeconds: 900 });
    expect(config.syncIntervalMs).toBe(DEFAULT_SYNC_INTERVAL_MS);
  });

  it("reads each limit from its variable", () => {
    const config = readRateLimitConfig({ RATE_LIMIT_DEMO_PER_IP: "5/10", RATE_LIMIT_SYNC_MS: "250" });

    expect(config.rules.demoPerIp).toEqual({ limit: 5, windowSeconds: 10 });
    expect(config.syncIntervalMs).toBe(250);
  });

  it("rejects a sync interval out of range", () => {
    expect(() => readRateLimitConfig({ RATE_LIMIT_SYNC_MS: "10" })).toThrow(/RATE_LIMIT_SYNC_MS '10' is invalid: use a whole number of milliseconds from 50 to 60000/);
  });
});

describe("parseRateRule", () => {
  it("accepts spaces around the slash", () => {
    expect(parseRateRule("RATE_LIMIT_API_PER_KEY", "100 / 60")).toEqual({ limit: 100, windowSeconds: 60 });
  });

  it.each([["100"], ["0/60"], ["100/0"], ["100/86401"], ["1.5/60"], ["-1/60"], ["many/60"]])("rejects %s naming the variable", (text) => {
    expect(() => parseRateRule("RATE_LIMIT_API_PER_KEY", text)).toThrow(
      `RATE_LIMIT_API_PER_KEY '${text}' is invalid: write COUNT/SECONDS, such as 600/60`,
    );
  });
});
