import "server-only";

import { getDb } from "@/lib/db/get-db";

const DAY_MS = 24 * 60 * 60 * 1000;

// Deletes audit entries older than their app's retention setting. Apps are
// grouped by retention, so a run costs one delete per distinct setting, not
// one per app. This is the only code that deletes audit entries.
export async function pruneAuditEvents(options: { now?: Date } = {}): Promise<{ deleted: number }> {
  const now = options.now ?? new Date();
  const db = await getDb();

  const settings = await db.app.findMany({ distinct: ["auditRetentionDays"], select: { auditRetentionDays: true } });

  let deleted = 0;
  for (const { auditRetentionDays } of settings) {
    const cutoff = new Date(now.getTime() - auditRetentionDays * DAY_MS);
    const result = await db.auditEvent.deleteMany({ where: { createdAt: { lt: cutoff }, app: { auditRetentionDays } } });
    deleted += result.count;
  }

  return { deleted };
}
