import { describe, expect, it } from "vitest";

import { RateLimitError } from "@/lib/errors/rate-limit-error";
import { useTempDatabase } from "@/lib/testing/temp-database";

import { limitSignIn } from "./limit-sign-in";
import { readSignInClientIp } from "./sign-in-client-ip";

// Small limits, read when the limiter is first used.
// The limits count in fixed windows aligned to the clock. Day-long windows
// keep a test's requests from straddling a window's end.
process.env.RATE_LIMIT_SIGN_IN_PER_ACCOUNT = "3/86400";
process.env.RATE_LIMIT_SIGN_IN_PER_IP = "5/86400";

useTempDatabase();

function attempts(count: number, email: string, clientIp: string): string[] {
  const outcomes: string[] = [];
  for (let attempt = 0; attempt < count; attempt += 1) {
    try {
      limitSignIn({ email, clientIp });
      outcomes.push("allowed");
    } catch (error) {
      outcomes.push(error instanceof RateLimitError ? "limited" : "other");
    }
  }
  return outcomes;
}

describe("limitSignIn", () => {
  it("limits attempts per account", () => {
    expect(attempts(4, "alice@example.test", "198.51.100.1")).toEqual(["allowed", "allowed", "allowed", "limited"]);
  });

  it("counts an account's emails case-insensitively", () => {
    attempts(3, "Bob@Example.test", "198.51.100.2");

    expect(attempts(1, " bob@example.test", "198.51.100.3")).toEqual(["limited"]);
  });

  it("limits attempts per client address across accounts", () => {
    const outcomes = ["a", "b", "c", "d", "e", "f"].map((name) => attempts(1, `${name}@example.test`, "198.51.100.9")[0]);

    expect(outcomes).toEqual(["allowed", "allowed", "allowed", "allowed", "allowed", "limited"]);
  });

  it("gives the seconds to wait", () => {
    attempts(3, "carol@example.test", "198.51.100.4");

    let caught: unknown;
    try {
      limitSignIn({ email: "carol@example.test", clientIp: "198.51.100.5" });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(RateLimitError);
    expect((caught as RateLimitError).retryAfterSeconds).toBeGreaterThan(0);
    expect((caught as RateLimitError).message).toMatch(/too many requests from this account: at most 3 per 86400 seconds/);
  });

  it("limits the address the trusted proxy saw", () => {
    const env = { TRUSTED_PROXY_COUNT: "1" };
    // Each request has a different first entry, written before it reached
    // the trusted proxy. The trusted proxy appended the address it saw, and
    // the front appended the proxy's.
    const seenByProxy = [...Array<string>(6).fill("198.51.100.60"), "198.51.100.61"];
    const outcomes = seenByProxy.map((clientIp, index) => {
      const headers = new Headers({ "x-forwarded-for": `192.0.2.${index + 1}, ${clientIp}, 10.0.0.2` });
      return attempts(1, `proxied-${index}@example.test`, readSignInClientIp(headers, env))[0];
    });

    expect(outcomes).toEqual(["allowed", "allowed", "allowed", "allowed", "allowed", "limited", "allowed"]);
  });

  it("limits by address alone without an email", () => {
    expect(attempts(1, "", "198.51.100.77")).toEqual(["allowed"]);
  });
});
