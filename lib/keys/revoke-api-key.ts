import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { ConsoleError } from "@/lib/errors/console-error";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { invalidateKeyRecords } from "./key-cache";

// Revokes a key of the app. The cached copy is dropped right after the
// update and its audit entry commit, so every request that starts afterwards
// rejects the key.
export async function revokeApiKey(options: { actor: Actor; appId: string; keyId: string }): Promise<void> {
  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "key.revoke" });

  const context = await currentRequestContext();
  const db = await getDb();
  // Dropped before and after the write: a request that reads the key while
  // the update is in flight does not cache what it read.
  invalidateKeyRecords();
  await db.$transaction(async (tx) => {
    const result = await tx.apiKey.updateMany({
      where: { id: options.keyId, appId: options.appId, status: "ACTIVE" },
      data: { status: "REVOKED", revokedAt: new Date(), revokedById: options.actor.id },
    });

    if (result.count === 0) {
      const key = await tx.apiKey.findFirst({ where: { id: options.keyId, appId: options.appId }, select: { status: true } });
      if (!key) {
        throw new ConsoleError("not_found", `key '${options.keyId}' was not found in this app`, { field: "keyId" });
      }
      throw new ConsoleError("conflict", `key '${options.keyId}' is already revoked`, { field: "keyId" });
    }

    await recordAuditEvent(
      { appId: options.appId, actor: userActor(options.actor), action: "key.revoked", target: { type: "key", id: options.keyId }, context },
      tx,
    );
  });

  invalidateKeyRecords();
  logger.info({ appId: options.appId, keyId: options.keyId, userId: options.actor.id }, "revoked API key");
}
