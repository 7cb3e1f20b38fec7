import "server-only";

import { getDatabase, getDb } from "@/lib/db/get-db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { currentRequestContext, type RequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { runAfterPrevious, type FlushChain } from "@/lib/queue/run-after-previous";

import type { AuditAction } from "./audit-actions";
import { insertAuditRows } from "./insert-audit-rows";

export type AuditActor =
  | { type: "USER"; userId: string; label: string }
  | { type: "KEY"; keyId: string; label: string }
  | { type: "ANONYMOUS"; label?: string };

// A summary safe to keep: identity, device, grants, ttl and key ID for
// tokens, or the changed settings. Callers must never put a token or a
// secret here.
export type AuditDetails = Prisma.InputJsonObject;

export interface AuditEventInput {
  appId: string;
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id: string };
  details?: AuditDetails;
  context?: RequestContext;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

// Appends an entry to the app's audit log. A change passes its transaction
// as `tx`, so the change and its entry commit or roll back together. It also
// passes `event.context`, read before the transaction began, so that no
// request-scoped work runs while the transaction holds its locks.
export async function recordAuditEvent(event: AuditEventInput & { context: RequestContext }, tx: AuditWriter): Promise<void>;
export async function recordAuditEvent(event: AuditEventInput): Promise<void>;
export async function recordAuditEvent(event: AuditEventInput, tx?: AuditWriter): Promise<void> {
  const context = event.context ?? (await currentRequestContext());
  const writer = tx ?? (await getDb());

  await writer.auditEvent.create({ data: toRow(event, context) });
}

function toRow(event: AuditEventInput, context: RequestContext): Prisma.AuditEventCreateManyInput {
  return {
    appId: event.appId,
    actorType: event.actor.type,
    actorUserId: event.actor.type === "USER" ? event.actor.userId : null,
    actorKeyId: event.actor.type === "KEY" ? event.actor.keyId : null,
    actorLabel: event.actor.label ?? null,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    ip: context.ip,
    userAgent: context.userAgent,
    details: event.details,
    createdAt: new Date(),
  };
}

// Queued entries are written together at this interval, so a busy token
// endpoint costs one insert per interval instead of one per request. Where
// the embedded database runs on the calling thread (`next start`, `next
// dev`), a flush stalls every request while it runs. Short intervals and
// chunks of at most AUDIT_FLUSH_CHUNK_ROWS, with a turn of the event loop
// between chunks, keep each stall to a few milliseconds (see
// bench/README.md). The production server runs it in a thread of its own.
export const AUDIT_FLUSH_INTERVAL_MS = 25;
export const AUDIT_FLUSH_CHUNK_ROWS = 100;

interface AuditQueue extends FlushChain {
  rows: Prisma.AuditEventCreateManyInput[];
  timer?: NodeJS.Timeout;
}

const QUEUE_SLOT = Symbol.for("bit6-console.audit-queue");

function auditQueue(): AuditQueue {
  const global = globalThis as typeof globalThis & { [QUEUE_SLOT]?: AuditQueue };
  global[QUEUE_SLOT] ??= { rows: [] };
  return global[QUEUE_SLOT];
}

// For events on hot paths (tokens minted over HTTP): the entry is queued with
// its time and written within AUDIT_FLUSH_INTERVAL_MS, and a failed write is
// logged instead of failing the request. `event.context` is required because
// the request may be over by the time the entry is written.
export function queueAuditEvent(event: AuditEventInput & { context: RequestContext }): void {
  const queue = auditQueue();
  queue.rows.push(toRow(event, event.context));

  queue.timer ??= setTimeout(() => {
    queue.timer = undefined;
    flushAuditQueue().catch((error: unknown) => logger.error({ err: error }, "failed to write queued audit events"));
  }, AUDIT_FLUSH_INTERVAL_MS);
}

// Writes every queued entry now, after any write already in progress; tests
// and graceful shutdown call it.
export function flushAuditQueue(): Promise<void> {
  const queue = auditQueue();
  return runAfterPrevious(queue, () => writeQueuedRows(queue));
}

async function writeQueuedRows(queue: AuditQueue): Promise<void> {
  if (queue.rows.length === 0) {
    return;
  }

  const rows = queue.rows;
  queue.rows = [];
  const { sql } = await getDatabase();

  for (let start = 0; start < rows.length; start += AUDIT_FLUSH_CHUNK_ROWS) {
    if (start > 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await insertAuditRows(sql, rows.slice(start, start + AUDIT_FLUSH_CHUNK_ROWS));
  }
}

export function userActor(actor: { id: string; email: string }): AuditActor {
  return { type: "USER", userId: actor.id, label: actor.email };
}
