import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import type { KeyStatus } from "@/lib/generated/prisma/enums";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

export interface ApiKeySummary {
  id: string;
  label: string;
  status: KeyStatus;
  secretHint: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  // End of a rotation's overlap window; null while no end is scheduled.
  expiresAt: Date | null;
  replacesKeyId: string | null;
  imported: boolean;
  allowedGrants: string[];
  maxTtlSeconds: number | null;
  allowedOrigins: string[];
}

// Lists the app's keys, active ones first. The secret ciphertext is never
// selected, so it cannot reach a page by accident.
export async function listApiKeys(options: { actor: Actor; appId: string }): Promise<ApiKeySummary[]> {
  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "key.list" });

  const db = await getDb();
  return db.apiKey.findMany({
    where: { appId: options.appId },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      label: true,
      status: true,
      secretHint: true,
      createdAt: true,
      revokedAt: true,
      lastUsedAt: true,
      expiresAt: true,
      replacesKeyId: true,
      imported: true,
      allowedGrants: true,
      maxTtlSeconds: true,
      allowedOrigins: true,
    },
  });
}
