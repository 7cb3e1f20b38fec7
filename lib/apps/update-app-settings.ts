import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { parseInput } from "@/lib/errors/parse-input";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { appSettingsSchema } from "./app-input";
import type { AppSettings } from "./get-app-settings";

// Renames the app and sets how many days its audit entries are kept. The
// audit entry lists each changed setting with its old and new value; saving
// unchanged settings records nothing.
export async function updateAppSettings(options: { actor: Actor; appId: string; input: unknown }): Promise<AppSettings> {
  const settings = parseInput(appSettingsSchema, options.input);

  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "settings.update" });

  const context = await currentRequestContext();
  const db = await getDb();
  const updated = await db.$transaction(async (tx) => {
    const before = await tx.app.findUniqueOrThrow({ where: { id: options.appId }, select: { name: true, auditRetentionDays: true } });
    const after = await tx.app.update({
      where: { id: options.appId },
      data: settings,
      select: { id: true, name: true, auditRetentionDays: true, createdAt: true },
    });

    const changes: Record<string, { from: string | number; to: string | number }> = {};
    if (before.name !== after.name) {
      changes.name = { from: before.name, to: after.name };
    }
    if (before.auditRetentionDays !== after.auditRetentionDays) {
      changes.auditRetentionDays = { from: before.auditRetentionDays, to: after.auditRetentionDays };
    }

    if (Object.keys(changes).length > 0) {
      await recordAuditEvent(
        {
          appId: options.appId,
          actor: userActor(options.actor),
          action: "app.settings_updated",
          target: { type: "app", id: options.appId },
          details: { changes },
          context,
        },
        tx,
      );
    }
    return after;
  });

  logger.info({ appId: options.appId, userId: options.actor.id, auditRetentionDays: updated.auditRetentionDays }, "updated app settings");
  return updated;
}
