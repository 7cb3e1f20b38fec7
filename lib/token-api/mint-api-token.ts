import "server-only";

import { queueAuditEvent } from "@/lib/audit/record-audit-event";
import { InputError } from "@/lib/errors/parse-input";
import { FORM_TYPE, type RequestBody } from "@/lib/http/parse-request-body";
import type { RequestContext } from "@/lib/http/request-context";
import type { KeyRecord } from "@/lib/keys/key-cache";
import { signWithKey } from "@/lib/mint/sign-with-key";
import { summarizeClaims } from "@/lib/mint/summarize-claims";
import type { TokenClaims } from "@/lib/tokens/build-token";
import { parseMintForm, parseMintRequest, type MintRequest } from "@/lib/tokens/token-rules";

export interface ApiToken {
  token: string;
  // The exp claim as an ISO 8601 time.
  expiresAt: string;
  claims: TokenClaims;
}

// Mints a client token with the authenticated key, under the same rules as
// the console's mint form and within the key's restrictions. A form body's
// ttl is text ("600"); a JSON body's ttl must be a number.
export async function mintApiToken(options: { key: KeyRecord; body: RequestBody; context: RequestContext }): Promise<ApiToken> {
  const request = readMintRequest(options.body);

  const signed = await signWithKey({ appId: options.key.appId, keyId: options.key.id, record: options.key, request });

  queueAuditEvent({
    appId: options.key.appId,
    actor: { type: "KEY", keyId: options.key.id, label: options.key.label },
    action: "token.api_minted",
    target: { type: "key", id: signed.keyId },
    details: summarizeClaims(signed),
    context: options.context,
  });

  // signWithKey always sets exp, because MintRequest always has a ttl.
  const exp = signed.claims.exp ?? signed.claims.iat + request.ttl;
  return { token: signed.token, expiresAt: new Date(exp * 1000).toISOString(), claims: signed.claims };
}

function readMintRequest(body: RequestBody): MintRequest {
  const result = body.mediaType === FORM_TYPE ? parseMintForm(readFormText(body.fields)) : parseMintRequest(body.fields);

  if (!result.ok) {
    throw new InputError(result.errors);
  }
  return result.request;
}

// Form fields are always strings; only the four mint fields are read.
function readFormText(fields: Record<string, unknown>): { identity?: string; device?: string; grants?: string; ttl?: string } {
  const text = (name: string) => (typeof fields[name] === "string" ? fields[name] : undefined);
  return { identity: text("identity"), device: text("device"), grants: text("grants"), ttl: text("ttl") };
}
