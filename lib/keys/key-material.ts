import "server-only";

import { randomBytes } from "node:crypto";

export { KEY_ID_PATTERN } from "./key-id-pattern";
export const SECRET_BYTES = 32;
export const SECRET_HINT_LENGTH = 4;

// A new key ID (32 lowercase hex characters, 128 random bits) and secret (32
// random bytes, base64url). Tokens are signed with the secret's UTF-8 text,
// the way app servers using the reference builder pass it.
export function generateKeyMaterial(): { keyId: string; secret: string } {
  return {
    keyId: randomBytes(16).toString("hex"),
    secret: randomBytes(SECRET_BYTES).toString("base64url"),
  };
}

export function secretHint(secret: string): string {
  return secret.slice(-SECRET_HINT_LENGTH);
}
