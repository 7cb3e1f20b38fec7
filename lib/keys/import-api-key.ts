import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { getMasterKey } from "@/lib/crypto/get-master-key";
import { getDb } from "@/lib/db/get-db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { ConsoleError } from "@/lib/errors/console-error";
import { parseInput } from "@/lib/errors/parse-input";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { importKeySchema } from "./key-input";
import { newKeyData } from "./store-new-key";

// Imports a key ID and secret made elsewhere, for teams whose app servers
// already hold the secret. It is stored like a generated key, and the secret
// is never shown again, not even now.
export async function importApiKey(options: { actor: Actor; appId: string; input: unknown }): Promise<{ keyId: string; label: string }> {
  const { keyId, secret, label } = parseInput(importKeySchema, options.input);

  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "key.create" });

  const masterKey = await getMasterKey();
  const context = await currentRequestContext();
  const db = await getDb();

  try {
    await db.$transaction(async (tx) => {
      await tx.apiKey.create({
        data: newKeyData({ keyId, secret, appId: options.appId, label, createdById: options.actor.id, masterKey, imported: true }),
      });
      await recordAuditEvent(
        { appId: options.appId, actor: userActor(options.actor), action: "key.imported", target: { type: "key", id: keyId }, details: { label }, context },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConsoleError("conflict", `key ID '${keyId}' already exists in this console: each key can be imported once`, {
        field: "keyId",
      });
    }
    throw error;
  }

  logger.info({ appId: options.appId, keyId, userId: options.actor.id }, "imported API key");
  return { keyId, label };
}
