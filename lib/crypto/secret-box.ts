import "server-only";

import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

import { ConsoleError } from "@/lib/errors/console-error";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT_VERSION = "v1";

// Encrypts a key secret with AES-256-GCM under the master key. The key ID is
// the additional authenticated data, so a ciphertext copied onto another key
// row fails to decrypt instead of silently signing as that key.
export function encryptSecret(secret: string, options: { masterKey: Buffer; keyId: string }): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, options.masterKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(options.keyId, "utf8"));

  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();

  return [FORMAT_VERSION, iv.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(".");
}

// Decrypts a value made by encryptSecret. Fails when the master key, the key
// ID or any byte of the stored value differs.
export function decryptSecret(box: string, options: { masterKey: Buffer; keyId: string }): string {
  const parts = box.split(".");
  const [version, ivText, ciphertextText, tagText] = parts;

  if (parts.length !== 4 || version !== FORMAT_VERSION || !ivText || ciphertextText === undefined || !tagText) {
    throw new ConsoleError("internal", `stored secret of key ${options.keyId} is not in the ${FORMAT_VERSION} format`);
  }

  try {
    const decipher = createDecipheriv(ALGORITHM, options.masterKey, Buffer.from(ivText, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(options.keyId, "utf8"));
    decipher.setAuthTag(Buffer.from(tagText, "base64url"));

    return Buffer.concat([decipher.update(Buffer.from(ciphertextText, "base64url")), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new ConsoleError(
      "internal",
      `stored secret of key ${options.keyId} failed to decrypt: the master encryption key differs from the one that encrypted it`,
      { cause: error },
    );
  }
}

// Decrypts with the first of several master keys that fits, for a master key
// rotation, when some secrets are still under the previous key. Fails like
// decryptSecret when none fits.
export function decryptSecretWithAnyKey(box: string, options: { masterKeys: Buffer[]; keyId: string }): string {
  let lastError: unknown = new ConsoleError("internal", "no master encryption key is loaded");

  for (const masterKey of options.masterKeys) {
    try {
      return decryptSecret(box, { masterKey, keyId: options.keyId });
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
