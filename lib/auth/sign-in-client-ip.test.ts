import { describe, expect, it } from "vitest";

import { readSignInClientIp } from "./sign-in-client-ip";

function headers(forwardedFor: string | null): Headers {
  return new Headers(forwardedFor === null ? {} : { "x-forwarded-for": forwardedFor });
}

describe("readSignInClientIp", () => {
  it.each([
    ["the front's peer with no proxies", "203.0.113.9", undefined, "203.0.113.9"],
    ["the last entry with no proxies", "198.51.100.7, 203.0.113.9", undefined, "203.0.113.9"],
    ["the last entry with a count of 0", "198.51.100.7, 203.0.113.9", "0", "203.0.113.9"],
    ["the proxy's client behind one proxy", "198.51.100.7, 203.0.113.9", "1", "198.51.100.7"],
    ["the proxy's client, not earlier entries", "192.0.2.1, 198.51.100.7, 203.0.113.9", "1", "198.51.100.7"],
    ["the outer proxy's client behind two proxies", "192.0.2.1, 198.51.100.7, 10.0.0.2, 203.0.113.9", "2", "198.51.100.7"],
    ["the leftmost entry when a proxy was skipped", "203.0.113.9", "2", "203.0.113.9"],
    ["unknown without the header", null, undefined, "unknown"],
  ])("returns %s", (_name, forwardedFor, trustedProxyCount, expected) => {
    const env = { TRUSTED_PROXY_COUNT: trustedProxyCount };

    expect(readSignInClientIp(headers(forwardedFor), env)).toBe(expected);
  });

  it.each(["many", "-1", "1.5", "11"])("rejects TRUSTED_PROXY_COUNT %s", (value) => {
    expect(() => readSignInClientIp(headers("203.0.113.9"), { TRUSTED_PROXY_COUNT: value })).toThrow(
      expect.objectContaining({ code: "invalid_config", message: expect.stringMatching(/TRUSTED_PROXY_COUNT '.*' is invalid/) }),
    );
  });
});
