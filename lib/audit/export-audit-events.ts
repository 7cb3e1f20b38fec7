import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { afterCursor, AUDIT_ORDER, type AuditCursor } from "./audit-cursor";
import { buildAuditWhere, type AuditFilters } from "./audit-filters";
import { formatCsvRow } from "./format-csv-row";
import { AUDIT_ENTRY_SELECT, type AuditEntry } from "./list-audit-events";

// Entries read from the database per query while streaming.
const EXPORT_BATCH_SIZE = 500;

export const AUDIT_CSV_HEADER = [
  "time",
  "actor_type",
  "actor",
  "actor_user_id",
  "actor_key_id",
  "action",
  "target_type",
  "target_id",
  "ip",
  "user_agent",
  "details",
] as const;

// Streams the app's filtered audit log as CSV, newest first. The caller's
// right is checked before the first byte, so a refusal is still an HTTP
// error. Entries are then read in keyset batches as the client reads, so the
// log is never loaded whole.
export async function exportAuditEvents(options: { actor: Actor; appId: string; filters: AuditFilters }): Promise<ReadableStream<Uint8Array>> {
  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "audit.read" });

  const db = await getDb();
  const where = buildAuditWhere(options.appId, options.filters);
  const encoder = new TextEncoder();
  let cursor: AuditCursor | null = null;
  let headerSent = false;

  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(formatCsvRow(AUDIT_CSV_HEADER)));
        return;
      }

      try {
        const batch: AuditEntry[] = await db.auditEvent.findMany({
          where: cursor ? { AND: [where, afterCursor(cursor)] } : where,
          orderBy: AUDIT_ORDER,
          take: EXPORT_BATCH_SIZE,
          select: AUDIT_ENTRY_SELECT,
        });

        if (batch.length > 0) {
          controller.enqueue(encoder.encode(batch.map(toCsvRow).join("")));
        }

        const last = batch.at(-1);
        if (batch.length < EXPORT_BATCH_SIZE || !last) {
          controller.close();
          return;
        }
        cursor = { createdAt: last.createdAt, id: last.id };
      } catch (error) {
        // Headers are sent by now, so the only way to report the failure
        // is to cut the download short.
        logger.error({ err: error, appId: options.appId }, "audit log export failed");
        controller.error(error);
      }
    },
  });
}

function toCsvRow(entry: AuditEntry): string {
  return formatCsvRow([
    entry.createdAt.toISOString(),
    entry.actorType,
    entry.actorLabel,
    entry.actorUserId,
    entry.actorKeyId,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.ip,
    entry.userAgent,
    entry.details === null || entry.details === undefined ? null : JSON.stringify(entry.details),
  ]);
}
