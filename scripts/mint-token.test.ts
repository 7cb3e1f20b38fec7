import { spawnSync } from "node:child_process";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { testVectors } from "@/lib/tokens/test-vectors";

const SCRIPT = path.resolve(import.meta.dirname, "mint-token.ts");

// Runs the command as `npm run token` does: tsx loads the TypeScript.
function runToken(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, ...args], {
    encoding: "utf8",
    env: { ...process.env, BIT6_KEY_SECRET: "", ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const { key, clock } = testVectors;

describe("npm run token", () => {
  it.each(testVectors.valid.slice(0, 3).map((vector) => [vector.name, vector] as const))("reproduces vector %s", (_name, vector) => {
    const input = vector.input as { identity: string; device: string; grants: Record<string, boolean>; ttl: number };

    const result = runToken([
      "--key-id", key.id,
      "--secret", key.secret,
      "--identity", input.identity,
      "--device", input.device,
      "--grants", JSON.stringify(input.grants),
      "--ttl", String(input.ttl),
      "--iat", String(clock),
    ]);

    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(vector.token);
  });

  it("takes grants as a list", () => {
    const result = runToken(["--key-id", key.id, "--secret", key.secret, "--identity", "alice", "--device", "web1", "--grants", "chat,signal,video", "--ttl", "3600", "--iat", String(clock)]);

    expect(result.stdout.trim()).toBe(testVectors.valid[0]?.token);
  });

  it("reads the secret from BIT6_KEY_SECRET", () => {
    const result = runToken(["--key-id", key.id, "--identity", "alice", "--device", "web1", "--grants", "chat,signal,video", "--ttl", "3600", "--iat", String(clock)], {
      BIT6_KEY_SECRET: key.secret,
    });

    expect(result.stdout.trim()).toBe(testVectors.valid[0]?.token);
  });

  it("decodes a token as unverified", () => {
    const result = runToken(["--decode", testVectors.valid[0]?.token ?? ""]);

    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ header: { alg: "HS256" }, claims: { sub: "alice/web1", iat: clock }, verified: false });
    expect(result.stderr).toMatch(/unverified/);
  });

  it("verifies a decoded token with the key", () => {
    const result = runToken(["--decode", testVectors.valid[0]?.token ?? "", "--key-id", key.id, "--secret", "a different secret"]);

    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ verdict: "bad-signature" });
  });

  it.each([
    ["an unknown flag", ["--bogus"], /Unknown option '--bogus'/],
    ["a missing key ID", ["--secret", key.secret, "--identity", "a", "--device", "b"], /--key-id is required/],
    ["a key ID that is not 32 hex characters", ["--key-id", "XYZ", "--secret", key.secret, "--identity", "a", "--device", "b"], /--key-id must be 32 lowercase hex characters, as the console shows it, got 'XYZ'/],
    ["a secret under 16 bytes", ["--key-id", key.id, "--secret", "short", "--identity", "a", "--device", "b"], /--secret is 5 bytes long, but key secrets have at least 16/],
    ["a missing secret", ["--key-id", key.id, "--identity", "a", "--device", "b"], /--secret is required \(or set BIT6_KEY_SECRET\)/],
    ["a ttl that is not a number", ["--key-id", key.id, "--secret", key.secret, "--identity", "a", "--device", "b", "--ttl", "1h"], /--ttl must be a whole number of seconds, got '1h'/],
    ["a ttl out of range", ["--key-id", key.id, "--secret", key.secret, "--identity", "a", "--device", "b", "--ttl", "5"], /--ttl: ttl must be from 60 to 86400 seconds, got 5/],
    ["an unknown grant", ["--key-id", key.id, "--secret", key.secret, "--identity", "a", "--device", "b", "--grants", "fax"], /--grants: unknown grant 'fax'/],
    ["an identity with a slash", ["--key-id", key.id, "--secret", key.secret, "--identity", "a/b", "--device", "b"], /--identity: identity must not contain '\/' \(got "a\/b"\)/],
  ])("exits 2 for %s", (_name, args, message) => {
    const result = runToken(args);

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });
});
