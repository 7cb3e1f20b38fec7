import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { getMasterKey } from "@/lib/crypto/get-master-key";
import { getDb } from "@/lib/db/get-db";
import { parseInput } from "@/lib/errors/parse-input";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { createKeySchema } from "./key-input";
import { generateKeyMaterial } from "./key-material";
import { newKeyData } from "./store-new-key";

export interface CreatedApiKey {
  keyId: string;
  label: string;
  // The only time the secret leaves the server: the caller shows it once.
  secret: string;
}

// Creates an API key for the app. The secret is stored encrypted and returned
// this once; nothing can read it back in plain text later.
export async function createApiKey(options: { actor: Actor; appId: string; input: unknown }): Promise<CreatedApiKey> {
  const { label } = parseInput(createKeySchema, options.input);

  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "key.create" });

  const { keyId, secret } = generateKeyMaterial();
  const masterKey = await getMasterKey();
  const context = await currentRequestContext();

  const db = await getDb();
  await db.$transaction(async (tx) => {
    await tx.apiKey.create({
      data: newKeyData({ keyId, secret, appId: options.appId, label, createdById: options.actor.id, masterKey }),
    });
    await recordAuditEvent(
      { appId: options.appId, actor: userActor(options.actor), action: "key.created", target: { type: "key", id: keyId }, details: { label }, context },
      tx,
    );
  });

  logger.info({ appId: options.appId, keyId, userId: options.actor.id }, "created API key");
  return { keyId, label, secret };
}
