import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

import { queueAuditEvent } from "@/lib/audit/record-audit-event";
import { ConsoleError } from "@/lib/errors/console-error";
import type { RequestContext } from "@/lib/http/request-context";
import { findKeyRecord, type KeyRecord } from "@/lib/keys/key-cache";
import { effectiveKeyStatus } from "@/lib/keys/key-status";

import { parseBasicAuth } from "./parse-basic-auth";

// One message for an unknown key ID and a wrong secret, so the reply never
// reveals which key IDs exist.
export const INVALID_CREDENTIALS_MESSAGE =
  "invalid key ID or secret: check both against the key's .env snippet, or create a new key in the console";

// Compared against when the key ID is unknown, so an unknown key costs the
// same hashing and comparison as a wrong secret. The key cache keeps each
// key's digest, so either case hashes only the secret that was sent.
const UNKNOWN_KEY_DIGEST = createHash("sha256").update("bit6-console unknown key").digest();

// Returns the key named by the request's HTTP Basic credentials, when the
// secret matches and the key may still sign and verify. Every failure is a
// 401 ConsoleError. The secret is compared in constant time over SHA-256
// digests, which have equal length whatever the secrets' lengths are.
// A revoked or expired key is named only to a caller who sent its secret.
// Failures that name an existing key go to that app's audit log.
export async function authenticateApiKey(options: { authorization: string | null; context: RequestContext; now?: Date }): Promise<KeyRecord> {
  const now = options.now ?? new Date();
  const credentials = parseBasicAuth(options.authorization);
  const key = await findKeyRecord(credentials.keyId);

  const sentDigest = createHash("sha256").update(credentials.secret, "utf8").digest();
  const stored = key && key.secret !== "" ? key.secretDigest : UNKNOWN_KEY_DIGEST;
  const secretMatches = timingSafeEqual(sentDigest, stored) && key !== null && key.secret !== "";

  if (!key) {
    throw new ConsoleError("unauthenticated", INVALID_CREDENTIALS_MESSAGE, { field: "authorization" });
  }
  if (!secretMatches) {
    auditFailure(key, "wrong secret", options.context);
    throw new ConsoleError("unauthenticated", INVALID_CREDENTIALS_MESSAGE, { field: "authorization" });
  }

  const status = effectiveKeyStatus(key, now);
  if (status === "revoked" || status === "expired") {
    auditFailure(key, `key ${status}`, options.context);
  }
  if (status === "revoked") {
    throw new ConsoleError("unauthenticated", `key '${key.id}' is revoked: use an active key of the app`, { field: "authorization" });
  }
  if (status === "expired") {
    throw new ConsoleError(
      "unauthenticated",
      `key '${key.id}' expired at ${key.expiresAt?.toISOString()}, the end of its rotation overlap: use the key that replaced it`,
      { field: "authorization" },
    );
  }

  return key;
}

function auditFailure(key: KeyRecord, reason: string, context: RequestContext): void {
  queueAuditEvent({
    appId: key.appId,
    actor: { type: "ANONYMOUS", label: "token API" },
    action: "api.auth_failed",
    target: { type: "key", id: key.id },
    details: { reason },
    context,
  });
}
