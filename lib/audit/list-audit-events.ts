import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import type { AuditActorType } from "@/lib/generated/prisma/enums";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { afterCursor, AUDIT_ORDER, decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";
import { buildAuditWhere, type AuditFilters } from "./audit-filters";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEntry {
  id: string;
  createdAt: Date;
  actorType: AuditActorType;
  actorLabel: string | null;
  actorUserId: string | null;
  actorKeyId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

export const AUDIT_ENTRY_SELECT = {
  id: true,
  createdAt: true,
  actorType: true,
  actorLabel: true,
  actorUserId: true,
  actorKeyId: true,
  action: true,
  targetType: true,
  targetId: true,
  ip: true,
  userAgent: true,
  details: true,
} as const;

// Returns one page of the app's audit log, newest first, and the cursor of
// the next page (null on the last one). Pages are cut by keyset on
// (createdAt, id), so each page costs one index range scan however long the
// log is.
export async function listAuditEvents(options: {
  actor: Actor;
  appId: string;
  filters: AuditFilters;
  after?: string;
  pageSize?: number;
}): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const cursor = options.after ? decodeAuditCursor(options.after) : null;
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;

  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "audit.read" });

  const db = await getDb();
  const where = buildAuditWhere(options.appId, options.filters);
  const rows = await db.auditEvent.findMany({
    where: cursor ? { AND: [where, afterCursor(cursor)] } : where,
    orderBy: AUDIT_ORDER,
    take: pageSize + 1,
    select: AUDIT_ENTRY_SELECT,
  });

  const entries = rows.slice(0, pageSize);
  const last = entries.at(-1);
  const nextCursor = rows.length > pageSize && last ? encodeAuditCursor(last) : null;
  return { entries, nextCursor };
}
