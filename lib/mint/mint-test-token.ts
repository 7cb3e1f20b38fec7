import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { InputError } from "@/lib/errors/parse-input";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";
import { parseMintForm } from "@/lib/tokens/token-rules";

import { signWithKey, type SignedToken } from "./sign-with-key";
import { summarizeClaims } from "./summarize-claims";

export interface MintFormFields {
  keyId?: string;
  identity?: string;
  device?: string;
  // Grant names joined by commas, from the checked boxes.
  grants?: string;
  ttl?: string;
}

// Mints a test token from the console form for a member allowed to mint.
export async function mintTestToken(options: { actor: Actor; appId: string; fields: MintFormFields }): Promise<SignedToken> {
  const parsed = parseMintForm(options.fields);
  const keyId = options.fields.keyId?.trim() ?? "";
  const keyErrors = keyId === "" ? [{ field: "keyId", message: "key is required: pick one of the app's active keys" }] : [];

  if (!parsed.ok || keyErrors.length > 0) {
    throw new InputError([...keyErrors, ...(parsed.ok ? [] : parsed.errors)]);
  }

  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "token.mint" });

  const signed = await signWithKey({ appId: options.appId, keyId, request: parsed.request });

  await recordAuditEvent({
    appId: options.appId,
    actor: userActor(options.actor),
    action: "token.minted",
    target: { type: "key", id: keyId },
    details: summarizeClaims(signed),
  });
  logger.info(
    { appId: options.appId, keyId, userId: options.actor.id, identity: parsed.request.identity, ttl: parsed.request.ttl },
    "minted test token",
  );
  return signed;
}
