import "server-only";

import { randomUUID } from "node:crypto";

import type { SqlSession } from "@/lib/db/sql-session";
import type { Prisma } from "@/lib/generated/prisma/client";

// One statement for any number of rows: each column is sent as one array
// parameter. Prisma's createMany compiles a query whose size grows with the
// rows, which cost more CPU than the token API's own work under load.
const INSERT_SQL = `
INSERT INTO "AuditEvent" ("id", "appId", "actorType", "actorUserId", "actorKeyId", "actorLabel", "action",
  "targetType", "targetId", "ip", "userAgent", "details", "createdAt")
SELECT * FROM unnest($1::text[], $2::text[], $3::text[]::"AuditActorType"[], $4::text[], $5::text[], $6::text[], $7::text[],
  $8::text[], $9::text[], $10::text[], $11::text[], $12::text[]::jsonb[], $13::text[]::timestamp(3)[])`;

// Inserts queued audit rows with raw SQL. Rows get a random UUID as ID,
// where Prisma would make a CUID: both are opaque unique text.
export async function insertAuditRows(sql: SqlSession, rows: Prisma.AuditEventCreateManyInput[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }

  const column = <T>(read: (row: Prisma.AuditEventCreateManyInput) => T) => rows.map(read);

  await sql.query(INSERT_SQL, [
    column((row) => row.id ?? randomUUID()),
    column((row) => row.appId),
    column((row) => row.actorType),
    column((row) => row.actorUserId ?? null),
    column((row) => row.actorKeyId ?? null),
    column((row) => row.actorLabel ?? null),
    column((row) => row.action),
    column((row) => row.targetType ?? null),
    column((row) => row.targetId ?? null),
    column((row) => row.ip ?? null),
    column((row) => row.userAgent ?? null),
    column((row) => (row.details === undefined || row.details === null ? null : JSON.stringify(row.details))),
    // timestamp(3) columns hold UTC: the zone suffix of the ISO text is ignored.
    column((row) => new Date(row.createdAt ?? Date.now()).toISOString()),
  ]);
}
