import "server-only";

import type { Actor } from "@/lib/auth/current-user";

import { listApiKeys, type ApiKeySummary } from "./list-api-keys";
import { effectiveKeyStatus, type EffectiveKeyStatus } from "./key-status";
import { readKeyUsage } from "./usage-recorder";

export interface KeyListEntry extends ApiKeySummary {
  effectiveStatus: EffectiveKeyStatus;
  // Tokens the key signed in the 24 hours before `now`.
  tokens24h: number;
}

// Lists the app's keys for the keys page: each with its status at `now`,
// its last use and the tokens it signed in the last 24 hours, counting uses
// not yet written to the database.
export async function listKeysWithUsage(options: { actor: Actor; appId: string; now?: Date }): Promise<KeyListEntry[]> {
  const now = options.now ?? new Date();
  const keys = await listApiKeys({ actor: options.actor, appId: options.appId });
  if (keys.length === 0) {
    return [];
  }

  const usage = await readKeyUsage(
    keys.map((key) => key.id),
    now,
  );

  return keys.map((key) => {
    const keyUsage = usage.get(key.id);
    return {
      ...key,
      effectiveStatus: effectiveKeyStatus(key, now),
      tokens24h: keyUsage?.tokens24h ?? 0,
      lastUsedAt: keyUsage?.lastUsedAt ?? key.lastUsedAt,
    };
  });
}
