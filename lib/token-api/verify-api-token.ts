import "server-only";

import { queueAuditEvent } from "@/lib/audit/record-audit-event";
import { ConsoleError } from "@/lib/errors/console-error";
import type { RequestContext } from "@/lib/http/request-context";
import type { KeyRecord } from "@/lib/keys/key-cache";
import { findKeyRecord } from "@/lib/keys/key-cache";
import { isKeyUsable } from "@/lib/keys/key-status";
import { recordKeyUse } from "@/lib/keys/usage-recorder";
import { verifyToken, type VerdictCode, type VerifiedKey } from "@/lib/tokens/verify-token";

export interface ApiVerification {
  verdict: VerdictCode;
  message: string;
  // Decoded without trusting them unless the verdict is valid; null when the
  // token does not decode.
  claims: Record<string, unknown> | null;
  header: Record<string, unknown> | null;
  key?: VerifiedKey;
  warnings: string[];
}

// Verifies a token for the authenticated key's app, with the same verdicts
// as the console's inspect page. Only keys of that app count, so a token
// signed by another app's key gets the verdict unknown-key and the reply
// reveals nothing about the other app.
export async function verifyApiToken(options: {
  key: KeyRecord;
  fields: Record<string, unknown>;
  context: RequestContext;
  now?: number;
}): Promise<ApiVerification> {
  const token = options.fields.token;
  if (typeof token !== "string" || token.trim() === "") {
    throw new ConsoleError("invalid_input", 'token is required: send the token to check, such as {"token":"eyJ…"}', { field: "token" });
  }

  const appId = options.key.appId;
  const result = await verifyToken(token, {
    now: options.now,
    findKey: async (iss) => {
      const key = await findKeyRecord(iss);
      if (!key || key.appId !== appId) {
        return null;
      }
      return { id: key.id, secret: key.secret, status: isKeyUsable(key) ? "active" : "revoked", appId: key.appId, appName: key.appName };
    },
  });

  recordKeyUse(options.key.id, "verify");
  queueAuditEvent({
    appId,
    actor: { type: "KEY", keyId: options.key.id, label: options.key.label },
    action: "token.api_verified",
    ...(result.key ? { target: { type: "key", id: result.key.id } } : {}),
    details: { verdict: result.verdict },
    context: options.context,
  });

  const decoded = result.decoded.ok ? result.decoded : null;
  return {
    verdict: result.verdict,
    message: result.message,
    claims: decoded?.payload ?? null,
    header: decoded?.header ?? null,
    ...(result.key ? { key: result.key } : {}),
    warnings: result.warnings,
  };
}
