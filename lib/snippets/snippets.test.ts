import { describe, expect, it } from "vitest";

import { buildDemoCurlCommand } from "./build-demo-curl-command";
import { buildNodeSigningSnippet } from "./build-node-signing-snippet";
import { quoteShellArgument } from "./quote-shell-argument";

describe("quoteShellArgument", () => {
  it.each([
    ["bob1", "bob1"],
    ["http://127.0.0.1:3000/api/demo/a1/token", "http://127.0.0.1:3000/api/demo/a1/token"],
    ["bob one", "'bob one'"],
    ["it's", "'it'\\''s'"],
    ["$HOME", "'$HOME'"],
    ["a;rm -rf", "'a;rm -rf'"],
  ])("quotes %j as %j", (value, expected) => {
    expect(quoteShellArgument(value)).toBe(expected);
  });
});

describe("buildDemoCurlCommand", () => {
  it("uses -d for plain values", () => {
    const command = buildDemoCurlCommand({ url: "http://127.0.0.1:3107/api/demo/app1/token", identity: "bob1", device: "web1" });

    expect(command).toBe("curl -X POST -d identity=bob1 -d device=web1 http://127.0.0.1:3107/api/demo/app1/token");
  });

  it("url-encodes values form encoding would change", () => {
    const command = buildDemoCurlCommand({ url: "http://h/t", identity: "bob+1@example.com", device: "my phone" });

    expect(command).toContain("--data-urlencode identity=bob+1@example.com");
    expect(command).toContain("--data-urlencode 'device=my phone'");
  });
});

describe("buildNodeSigningSnippet", () => {
  const claims = { aud: "https://api.prod.bit6.com/client", iat: 1000, grants: { chat: true, video: true }, sub: "bob1/web1", exp: 4600 };

  it("repeats the claims in token order", () => {
    const snippet = buildNodeSigningSnippet(claims);
    const order = ["aud:", "iss:", "iat:", "grants:", "sub:", "exp:"].map((name) => snippet.indexOf(`  ${name}`));

    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("reads the key from the environment", () => {
    const snippet = buildNodeSigningSnippet(claims);

    expect(snippet).toContain("process.env.BIT6_KEY_ID");
    expect(snippet).toContain("process.env.BIT6_KEY_SECRET");
  });

  it("turns exp into a lifetime from now", () => {
    expect(buildNodeSigningSnippet(claims)).toContain("exp: now + 3600,");
  });

  it("leaves out sub and exp when the token has none", () => {
    const snippet = buildNodeSigningSnippet({ aud: "a", iat: 1, grants: {} });

    expect(snippet).not.toContain("sub:");
    expect(snippet).not.toContain("exp:");
  });
});
