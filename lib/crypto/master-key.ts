import "server-only";

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { DatabaseConfig, Environment } from "@/lib/db/database-config";
import { readDataDir } from "@/lib/db/database-config";
import { ConsoleError } from "@/lib/errors/console-error";

export const MASTER_KEY_BYTES = 32;
export const MASTER_KEY_FILE_NAME = "master.key";

const CHECK_LABEL = "bit6-console master key check v1";

export type MasterKeySource = "environment" | "file" | "generated";

export interface LoadedMasterKey {
  key: Buffer;
  source: MasterKeySource;
  filePath?: string;
  // CONSOLE_ENCRYPTION_KEY_PREVIOUS during a master key rotation: the key
  // the stored secrets were encrypted with before. It only decrypts, and
  // encrypts new secrets only while the stored check value still names it.
  previousKey?: Buffer;
}

// Parses CONSOLE_ENCRYPTION_KEY (or the variable named): 32 bytes written as
// 64 hex characters or as base64 / base64url.
export function parseMasterKey(raw: string, variable = "CONSOLE_ENCRYPTION_KEY"): Buffer {
  const text = raw.trim();

  if (/^[0-9a-fA-F]{64}$/.test(text)) {
    return Buffer.from(text, "hex");
  }

  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (key.length === MASTER_KEY_BYTES) {
      return key;
    }
  }

  throw new ConsoleError(
    "invalid_config",
    `${variable} is invalid (${text.length} characters): it must be ${MASTER_KEY_BYTES} random bytes ` +
      "as 64 hex characters or base64; make one with `openssl rand -base64 32`",
  );
}

// Loads the master key from CONSOLE_ENCRYPTION_KEY, or for the embedded
// database from .data/master.key. A missing file is generated only when
// `mayGenerate` reports that the database has no encrypted data yet, so a lost key
// file is never silently replaced by a new one.
export function loadMasterKey(options: {
  config: DatabaseConfig;
  env?: Environment;
  mayGenerate: boolean;
}): LoadedMasterKey {
  const env = options.env ?? process.env;
  const loaded = loadCurrentMasterKey({ ...options, env });

  const previous = env.CONSOLE_ENCRYPTION_KEY_PREVIOUS?.trim();
  if (!previous) {
    return loaded;
  }

  const previousKey = parseMasterKey(previous, "CONSOLE_ENCRYPTION_KEY_PREVIOUS");
  if (previousKey.equals(loaded.key)) {
    throw new ConsoleError(
      "invalid_config",
      "CONSOLE_ENCRYPTION_KEY_PREVIOUS is the same key as the current master key: set it to the old key during a rotation, or unset it",
    );
  }
  return { ...loaded, previousKey };
}

function loadCurrentMasterKey(options: { config: DatabaseConfig; env: Environment; mayGenerate: boolean }): LoadedMasterKey {
  const env = options.env;
  const fromEnvironment = env.CONSOLE_ENCRYPTION_KEY;

  if (fromEnvironment !== undefined && fromEnvironment.trim() !== "") {
    return { key: parseMasterKey(fromEnvironment), source: "environment" };
  }

  if (options.config.kind === "postgres") {
    throw new ConsoleError(
      "invalid_config",
      "CONSOLE_ENCRYPTION_KEY is missing: it is required when DATABASE_URL points at PostgreSQL, " +
        "because every instance must decrypt the same secrets; make one with `openssl rand -base64 32`",
    );
  }

  const filePath = path.join(readDataDir(env), MASTER_KEY_FILE_NAME);

  if (existsSync(filePath)) {
    return { key: readMasterKeyFile(filePath), source: "file", filePath };
  }

  if (!options.mayGenerate) {
    throw new ConsoleError(
      "invalid_config",
      `master key file ${filePath} is missing, but the database already holds encrypted secrets: ` +
        "restore the file from a backup or set CONSOLE_ENCRYPTION_KEY to the original key. A new key would not decrypt them",
    );
  }

  const key = randomBytes(MASTER_KEY_BYTES);
  mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
  // "wx" fails if another process wrote the file in the meantime.
  writeFileSync(filePath, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });

  return { key, source: "generated", filePath };
}

function readMasterKeyFile(filePath: string): Buffer {
  const mode = statSync(filePath).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ConsoleError(
      "invalid_config",
      `master key file ${filePath} has mode ${mode.toString(8)}, readable by other users: run \`chmod 600 ${filePath}\``,
    );
  }

  try {
    return parseMasterKey(readFileSync(filePath, "utf8"));
  } catch (error) {
    throw new ConsoleError("invalid_config", `master key file ${filePath} is invalid: it must hold 32 bytes in base64`, {
      cause: error,
    });
  }
}

// The ConsoleSetting row that stores computeMasterKeyCheck of the current key.
export const MASTER_KEY_CHECK_SETTING = "master_key_check";

// A value derived from the master key that can be stored next to the data.
// It shows whether a configured key is the one that encrypted the secrets
// without keeping any ciphertext around for the purpose.
export function computeMasterKeyCheck(key: Buffer): string {
  return createHmac("sha256", key).update(CHECK_LABEL).digest("hex");
}

export function matchesMasterKeyCheck(key: Buffer, storedCheck: string): boolean {
  const expected = Buffer.from(computeMasterKeyCheck(key), "hex");
  const stored = Buffer.from(storedCheck, "hex");
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}
