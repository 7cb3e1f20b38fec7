import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { decryptSecret, decryptSecretWithAnyKey, encryptSecret } from "./secret-box";

const masterKey = randomBytes(32);
const keyId = "b234fdb83571400f9b62e204d735126e";
const secret = "k7Qm2xV9pLr4Tz8Wc1Nb6Yd3Hf5Js0Ga";

describe("secret box", () => {
  it("round-trips a secret", () => {
    expect(decryptSecret(encryptSecret(secret, { masterKey, keyId }), { masterKey, keyId })).toBe(secret);
  });

  it("never stores the secret text", () => {
    const box = encryptSecret(secret, { masterKey, keyId });
    expect(box).not.toContain(secret);
    expect(box).not.toContain(Buffer.from(secret).toString("base64url"));
  });

  it("uses a fresh IV for each encryption", () => {
    expect(encryptSecret(secret, { masterKey, keyId })).not.toBe(encryptSecret(secret, { masterKey, keyId }));
  });

  it("fails with another master key", () => {
    const box = encryptSecret(secret, { masterKey, keyId });
    expect(() => decryptSecret(box, { masterKey: randomBytes(32), keyId })).toThrow(/master encryption key differs/);
  });

  it("fails when moved to another key ID", () => {
    const box = encryptSecret(secret, { masterKey, keyId });
    expect(() => decryptSecret(box, { masterKey, keyId: "0".repeat(32) })).toThrow(/failed to decrypt/);
  });

  it("fails on a tampered ciphertext", () => {
    const [version, iv, ciphertext, tag] = encryptSecret(secret, { masterKey, keyId }).split(".");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    const box = [version, iv, flipped.toString("base64url"), tag].join(".");

    expect(() => decryptSecret(box, { masterKey, keyId })).toThrow(/failed to decrypt/);
  });

  it("rejects an unknown format without echoing it", () => {
    expect(() => decryptSecret("plain-secret", { masterKey, keyId })).toThrow(/is not in the v1 format/);
  });
});

describe("decryptSecretWithAnyKey", () => {
  it("decrypts with the key that fits", () => {
    const box = encryptSecret(secret, { masterKey, keyId });

    expect(decryptSecretWithAnyKey(box, { masterKeys: [randomBytes(32), masterKey], keyId })).toBe(secret);
  });

  it("fails when no key fits", () => {
    const box = encryptSecret(secret, { masterKey, keyId });

    expect(() => decryptSecretWithAnyKey(box, { masterKeys: [randomBytes(32), randomBytes(32)], keyId })).toThrow(/master encryption key differs/);
  });

  it("fails without keys", () => {
    expect(() => decryptSecretWithAnyKey("v1.a.b.c", { masterKeys: [], keyId })).toThrow(/no master encryption key is loaded/);
  });
});
