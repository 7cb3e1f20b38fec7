import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";
import { TTL_DEFAULT_SECONDS } from "@/lib/tokens/token-rules";

export interface DemoEndpointSettings {
  enabled: boolean;
  keyId: string | null;
  grants: string[];
  ttlSeconds: number;
}

const DEFAULT_SETTINGS: DemoEndpointSettings = { enabled: false, keyId: null, grants: ["chat", "push", "signal", "video"], ttlSeconds: TTL_DEFAULT_SECONDS };

// Returns the app's demo endpoint settings, or the defaults of an endpoint
// that was never turned on.
export async function getDemoEndpoint(options: { actor: Actor; appId: string }): Promise<DemoEndpointSettings> {
  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "demo.read" });

  const db = await getDb();
  const settings = await db.demoEndpoint.findUnique({
    where: { appId: options.appId },
    select: { enabled: true, keyId: true, grants: true, ttlSeconds: true },
  });

  return settings ?? DEFAULT_SETTINGS;
}
