import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { ConsoleError } from "@/lib/errors/console-error";
import { parseInput } from "@/lib/errors/parse-input";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { invalidateKeyRecords } from "./key-cache";
import { keyRestrictionsSchema } from "./key-input";
import type { KeyRestrictions } from "./key-restrictions";

// Sets which grants a key may put in tokens, its maximum TTL and the origins
// allowed to use it through the demo endpoint. Empty lists and a null maximum
// lift the restriction.
export async function updateKeyRestrictions(options: {
  actor: Actor;
  appId: string;
  keyId: string;
  input: unknown;
}): Promise<KeyRestrictions> {
  const restrictions = parseInput(keyRestrictionsSchema, options.input);

  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "key.create" });

  const context = await currentRequestContext();
  const db = await getDb();
  invalidateKeyRecords();
  try {
    await db.$transaction(async (tx) => {
      const result = await tx.apiKey.updateMany({ where: { id: options.keyId, appId: options.appId }, data: restrictions });
      if (result.count === 0) {
        throw new ConsoleError("not_found", `key '${options.keyId}' was not found in this app`, { field: "keyId" });
      }

      await recordAuditEvent(
        {
          appId: options.appId,
          actor: userActor(options.actor),
          action: "key.restrictions_updated",
          target: { type: "key", id: options.keyId },
          details: { ...restrictions },
          context,
        },
        tx,
      );
    });
  } finally {
    invalidateKeyRecords();
  }

  logger.info({ appId: options.appId, keyId: options.keyId, userId: options.actor.id, ...restrictions }, "updated key restrictions");
  return restrictions;
}
