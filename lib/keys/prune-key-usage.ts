import "server-only";

import { getDb } from "@/lib/db/get-db";

import { USAGE_WINDOW_MS } from "./usage-recorder";

// Deletes key usage rows of minutes that began more than USAGE_WINDOW_MS
// before `now`, which the 24-hour count no longer reads. A key's last use is
// stored on the key itself (ApiKey.lastUsedAt), so it is kept.
export async function pruneKeyUsage(options: { now?: Date } = {}): Promise<{ deleted: number }> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - USAGE_WINDOW_MS);
  const db = await getDb();

  const result = await db.keyUsage.deleteMany({ where: { minuteStart: { lt: cutoff } } });
  return { deleted: result.count };
}
