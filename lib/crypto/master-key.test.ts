import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { DatabaseConfig } from "@/lib/db/database-config";

import { computeMasterKeyCheck, loadMasterKey, matchesMasterKeyCheck, parseMasterKey } from "./master-key";

let dataDir: string;
let config: DatabaseConfig;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "bit6-master-key-"));
  config = { kind: "pglite", dataDir, databaseDir: path.join(dataDir, "pglite") };
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("parseMasterKey", () => {
  it.each([
    ["hex", randomBytes(32).toString("hex")],
    ["base64", randomBytes(32).toString("base64")],
    ["base64url", randomBytes(32).toString("base64url")],
  ])("accepts 32 bytes as %s", (_name, text) => {
    expect(parseMasterKey(text)).toHaveLength(32);
  });

  it.each([["too short", "abcd"], ["16 bytes", randomBytes(16).toString("hex")], ["not base64", "!".repeat(44)]])(
    "rejects %s with the fix",
    (_name, text) => {
      expect(() => parseMasterKey(text)).toThrow(/CONSOLE_ENCRYPTION_KEY is invalid .*openssl rand -base64 32/);
    },
  );
});

describe("loadMasterKey", () => {
  it("generates a 0600 key file for an empty embedded database", () => {
    const loaded = loadMasterKey({ config, env: { CONSOLE_DATA_DIR: dataDir }, mayGenerate: true });

    expect(loaded.source).toBe("generated");
    expect(statSync(path.join(dataDir, "master.key")).mode & 0o777).toBe(0o600);
  });

  it("reads the same key back on the next start", () => {
    const first = loadMasterKey({ config, env: { CONSOLE_DATA_DIR: dataDir }, mayGenerate: true });
    const second = loadMasterKey({ config, env: { CONSOLE_DATA_DIR: dataDir }, mayGenerate: false });

    expect(second.source).toBe("file");
    expect(second.key.equals(first.key)).toBe(true);
  });

  it("refuses to replace a missing key file over existing secrets", () => {
    expect(() => loadMasterKey({ config, env: { CONSOLE_DATA_DIR: dataDir }, mayGenerate: false })).toThrow(
      /master\.key is missing, but the database already holds encrypted secrets/,
    );
  });

  it("refuses a key file other users can read", () => {
    const file = path.join(dataDir, "master.key");
    writeFileSync(file, randomBytes(32).toString("base64"));
    chmodSync(file, 0o644);

    expect(() => loadMasterKey({ config, env: { CONSOLE_DATA_DIR: dataDir }, mayGenerate: false })).toThrow(/chmod 600/);
  });

  it("prefers CONSOLE_ENCRYPTION_KEY", () => {
    const key = randomBytes(32);
    const loaded = loadMasterKey({ config, env: { CONSOLE_DATA_DIR: dataDir, CONSOLE_ENCRYPTION_KEY: key.toString("hex") }, mayGenerate: true });

    expect(loaded.source).toBe("environment");
    expect(loaded.key.equals(key)).toBe(true);
  });

  it("requires CONSOLE_ENCRYPTION_KEY with PostgreSQL", () => {
    const postgres: DatabaseConfig = { kind: "postgres", url: "postgresql://127.0.0.1/x", poolSize: 1 };

    expect(() => loadMasterKey({ config: postgres, env: {}, mayGenerate: true })).toThrow(/CONSOLE_ENCRYPTION_KEY is missing/);
  });
});

describe("CONSOLE_ENCRYPTION_KEY_PREVIOUS", () => {
  it("loads the previous key next to the current one", () => {
    const current = randomBytes(32);
    const previous = randomBytes(32);

    const loaded = loadMasterKey({
      config,
      env: { CONSOLE_DATA_DIR: dataDir, CONSOLE_ENCRYPTION_KEY: current.toString("hex"), CONSOLE_ENCRYPTION_KEY_PREVIOUS: previous.toString("base64") },
      mayGenerate: false,
    });

    expect(loaded.key.equals(current)).toBe(true);
    expect(loaded.previousKey?.equals(previous)).toBe(true);
  });

  it("names the variable when it is invalid", () => {
    const env = { CONSOLE_DATA_DIR: dataDir, CONSOLE_ENCRYPTION_KEY: randomBytes(32).toString("hex"), CONSOLE_ENCRYPTION_KEY_PREVIOUS: "short" };

    expect(() => loadMasterKey({ config, env, mayGenerate: false })).toThrow(/^CONSOLE_ENCRYPTION_KEY_PREVIOUS is invalid \(5 characters\)/);
  });

  it("rejects the current key as the previous one", () => {
    const key = randomBytes(32).toString("hex");

    expect(() => loadMasterKey({ config, env: { CONSOLE_ENCRYPTION_KEY: key, CONSOLE_ENCRYPTION_KEY_PREVIOUS: key }, mayGenerate: false })).toThrow(
      /CONSOLE_ENCRYPTION_KEY_PREVIOUS is the same key as the current master key/,
    );
  });
});

describe("master key check", () => {
  it("matches only the key it was made from", () => {
    const key = randomBytes(32);
    const check = computeMasterKeyCheck(key);

    expect(matchesMasterKeyCheck(key, check)).toBe(true);
    expect(matchesMasterKeyCheck(randomBytes(32), check)).toBe(false);
  });
});
