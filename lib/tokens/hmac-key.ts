// jose imports a raw secret into a WebCrypto key on every sign and verify,
// which cost about a tenth of the token API's CPU time under load. Keys are
// imported once and kept for reuse, up to MAX_KEYS secrets, dropping the
// oldest first. Only a caller that has a secret can reach its entry.
const MAX_KEYS = 256;

const imported = new Map<string, Promise<CryptoKey>>();

export function importHmacKey(secret: string): Promise<CryptoKey> {
  const cached = imported.get(secret);
  if (cached) {
    return cached;
  }

  const key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  // A failed import is not kept, so the next call tries again.
  key.catch(() => imported.delete(secret));

  if (imported.size >= MAX_KEYS) {
    const oldest = imported.keys().next().value;
    if (oldest !== undefined) {
      imported.delete(oldest);
    }
  }
  imported.set(secret, key);
  return key;
}
