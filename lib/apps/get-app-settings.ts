import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

export interface AppSettings {
  id: string;
  name: string;
  auditRetentionDays: number;
  createdAt: Date;
}

// Returns the app's settings; every member may read them.
export async function getAppSettings(options: { actor: Actor; appId: string }): Promise<AppSettings> {
  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "app.read" });

  const db = await getDb();
  return db.app.findUniqueOrThrow({
    where: { id: options.appId },
    select: { id: true, name: true, auditRetentionDays: true, createdAt: true },
  });
}
