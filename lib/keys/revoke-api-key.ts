import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { ConsoleError } from "@/lib/errors/console-error";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

// Revokes a key of the app. Every request that starts after this commits
// refuses the key, because signing and verifying read its status from the
// database.
export async function revokeApiKey(options: { actor: Actor; appId: string; keyId: string }): Promise<void> {
  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "key.revoke" });

  const db = await getDb();
  const result = await db.apiKey.updateMany({
    where: { id: options.keyId, appId: options.appId, status: "ACTIVE" },
    data: { status: "REVOKED", revokedAt: new Date(), revokedById: options.actor.id },
  });

  if (result.count === 0) {
    const key = await db.apiKey.findFirst({ where: { id: options.keyId, appId: options.appId }, select: { status: true } });
    if (!key) {
      throw new ConsoleError("not_found", `key '${options.keyId}' was not found in this app`, { field: "keyId" });
    }
    throw new ConsoleError("conflict", `key '${options.keyId}' is already revoked`, { field: "keyId" });
  }

  logger.info({ appId: options.appId, keyId: options.keyId, userId: options.actor.id }, "revoked API key");
}
