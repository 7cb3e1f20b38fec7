import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { ConsoleError } from "@/lib/errors/console-error";
import { parseInput } from "@/lib/errors/parse-input";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { demoSettingsSchema } from "./demo-settings-input";
import { invalidateDemoSettings } from "./find-demo-settings";

// Turns the app's demo token endpoint on or off and sets the key, grants and
// TTL it signs with. Only an active key of the same app may be chosen.
export async function configureDemoEndpoint(options: { actor: Actor; appId: string; input: unknown }): Promise<void> {
  const settings = parseInput(demoSettingsSchema, options.input);

  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "demo.configure" });

  const context = await currentRequestContext();
  const db = await getDb();
  const keyId = settings.keyId || null;

  if (keyId) {
    const key = await db.apiKey.findFirst({ where: { id: keyId, appId: options.appId }, select: { status: true } });
    if (!key) {
      throw new ConsoleError("invalid_input", `unknown key '${keyId}': pick one of this app's keys`, { field: "keyId" });
    }
    if (key.status !== "ACTIVE") {
      throw new ConsoleError("invalid_input", `key '${keyId}' is revoked: pick an active key`, { field: "keyId" });
    }
  }

  const data = { enabled: settings.enabled, keyId, grants: settings.grants, ttlSeconds: settings.ttlSeconds };
  await db.$transaction(async (tx) => {
    await tx.demoEndpoint.upsert({ where: { appId: options.appId }, create: { appId: options.appId, ...data }, update: data });
    await recordAuditEvent(
      { appId: options.appId, actor: userActor(options.actor), action: "demo.configured", target: { type: "app", id: options.appId }, details: data, context },
      tx,
    );
  });
  invalidateDemoSettings();

  logger.info({ appId: options.appId, keyId, enabled: settings.enabled, userId: options.actor.id }, "configured demo endpoint");
}
