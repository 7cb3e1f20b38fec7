import "server-only";

import { ConsoleError } from "@/lib/errors/console-error";
import { loadKeySecret } from "@/lib/keys/load-key-secret";
import { buildClaims, buildToken, TokenInputError, type TokenClaims } from "@/lib/tokens/build-token";
import type { MintRequest } from "@/lib/tokens/token-rules";

export interface SignedToken {
  token: string;
  claims: TokenClaims;
  keyId: string;
}

// Signs a client token with one of the app's keys. The key is read from the
// database for every call, so a revocation that committed before this call
// started is always seen.
export async function signWithKey(options: { appId: string; keyId: string; request: MintRequest }): Promise<SignedToken> {
  const key = await loadKeySecret({ keyId: options.keyId, appIds: [options.appId] });

  if (!key || key.secret === "") {
    throw new ConsoleError("not_found", `unknown key '${options.keyId}': pick an active key of this app`, { field: "keyId" });
  }

  if (key.status !== "ACTIVE") {
    throw new ConsoleError("conflict", `key '${options.keyId}' is revoked and cannot sign tokens: pick an active key`, {
      field: "keyId",
    });
  }

  const buildOptions = {
    key: { id: key.id, secret: key.secret },
    identity: options.request.identity,
    device: options.request.device,
    grants: options.request.grants,
    ttl: options.request.ttl,
    // One clock reading for both, so the claims shown match the token.
    now: Math.floor(Date.now() / 1000),
  };

  try {
    const claims = buildClaims(buildOptions);
    const token = await buildToken(buildOptions);
    return { token, claims, keyId: key.id };
  } catch (error) {
    if (error instanceof TokenInputError) {
      throw new ConsoleError("invalid_input", error.message, { field: error.field, cause: error });
    }
    throw error;
  }
}
