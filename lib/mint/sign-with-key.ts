import "server-only";

import { ConsoleError } from "@/lib/errors/console-error";
import { findKeyRecord, type KeyRecord } from "@/lib/keys/key-cache";
import { checkKeyRestrictions } from "@/lib/keys/key-restrictions";
import { effectiveKeyStatus } from "@/lib/keys/key-status";
import { recordKeyUse } from "@/lib/keys/usage-recorder";
import { buildClaims, signClaims, TokenInputError, type TokenClaims } from "@/lib/tokens/build-token";
import type { MintRequest } from "@/lib/tokens/token-rules";

export interface SignedToken {
  token: string;
  claims: TokenClaims;
  keyId: string;
}

// Signs a client token with one of the app's keys, within the key's
// restrictions. A key that is revoked or past its overlap window at `now`
// (default: the current time) is rejected. A caller that has just read the
// key, such as the token API after authenticating it, passes it as `record`
// to skip a second lookup.
export async function signWithKey(options: {
  appId: string;
  keyId: string;
  record?: KeyRecord;
  request: MintRequest;
  origin?: string | null;
  now?: Date;
}): Promise<SignedToken> {
  const now = options.now ?? new Date();
  const key = options.record ?? (await findKeyRecord(options.keyId));

  if (!key || key.appId !== options.appId || key.secret === "") {
    throw new ConsoleError("not_found", `unknown key '${options.keyId}': pick an active key of this app`, { field: "keyId" });
  }

  const status = effectiveKeyStatus(key, now);
  if (status === "revoked" || status === "expired") {
    throw new ConsoleError("conflict", `key '${options.keyId}' is ${status} and cannot sign tokens: pick an active key`, {
      field: "keyId",
    });
  }

  checkKeyRestrictions(key, { grants: options.request.grants, ttl: options.request.ttl, origin: options.origin });

  const buildOptions = {
    key: { id: key.id, secret: key.secret },
    identity: options.request.identity,
    device: options.request.device,
    grants: options.request.grants,
    ttl: options.request.ttl,
    // One clock reading for both, so the claims shown match the token.
    now: Math.floor(now.getTime() / 1000),
  };

  try {
    const claims = buildClaims(buildOptions);
    const token = await signClaims(claims, key.secret);
    recordKeyUse(key.id, "sign", now);
    return { token, claims, keyId: key.id };
  } catch (error) {
    if (error instanceof TokenInputError) {
      throw new ConsoleError("invalid_input", error.message, { field: error.field, cause: error });
    }
    throw error;
  }
}
