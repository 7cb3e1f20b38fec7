import type { SignedToken } from "./sign-with-key";

// Summarizes a minted token for the audit log: who and what it is for, but
// never the token itself, which would let anyone reading the log use it.
export function summarizeClaims(signed: SignedToken): { identity: string | null; device: string | null; grants: Record<string, boolean>; ttl: number | null; keyId: string } {
  const [identity, device] = signed.claims.sub?.split("/") ?? [];
  const ttl = signed.claims.exp !== undefined ? signed.claims.exp - signed.claims.iat : null;

  return {
    identity: identity ?? null,
    device: device ?? null,
    grants: { ...signed.claims.grants } as Record<string, boolean>,
    ttl,
    keyId: signed.keyId,
  };
}
