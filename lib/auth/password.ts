import "server-only";

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt cost parameters: N = 2^15, r = 8, p = 1 takes about 32 MiB and tens
// of milliseconds per hash, the interactive-login setting RFC 7914 suggests.
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function deriveKey(password: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, cost, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

// Hashes a password as `scrypt$N$r$p$salt$hash`, so the cost can be raised
// later without breaking existing hashes.
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !saltText || !keyText) {
    return false;
  }

  const expected = Buffer.from(keyText, "base64url");
  const cost = { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem };
  const actual = await deriveKey(password, Buffer.from(saltText, "base64url"), cost);

  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A hash of a random password, verified against when an email is unknown, so
// that a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  return decoyHash;
}
