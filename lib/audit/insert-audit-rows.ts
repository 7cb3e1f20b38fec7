import "server-only";

import { randomUUID } from "node:crypto";

import type { SqlSession } from "@/lib/db/sql-session";
import type { Prisma } from "@/lib/generated/prisma/client";

const COLUMNS = ["id", "appId", "actorType", "actorUserId", "actorKeyId", "actorLabel", "action", "targetType", "targetId", "ip", "userAgent", "details", "createdAt"] as const;

const COLUMN_LIST = COLUMNS.map((name) => `"${name}"`).join(", ");

// One statement for any number of rows: each column is sent as one array
// parameter. Prisma's createMany compiles a query whose size grows with the
// rows, which cost more CPU than the token API's own work under load.
const INSERT_SQL = `
INSERT INTO "AuditEvent" (${COLUMN_LIST})
SELECT * FROM unnest($1::text[], $2::text[], $3::text[]::"AuditActorType"[], $4::text[], $5::text[], $6::text[], $7::text[],
  $8::text[], $9::text[], $10::text[], $11::text[], $12::text[]::jsonb[], $13::text[]::timestamp(3)[])`;

const COPY_SQL = `COPY "AuditEvent" (${COLUMN_LIST}) FROM '/dev/blob' WITH (FORMAT csv)`;

type AuditRow = Prisma.AuditEventCreateManyInput;

// Inserts queued audit rows with raw SQL: through COPY where the session
// offers it (the embedded database), else through one INSERT. Rows get a
// random UUID as ID, where Prisma would make a CUID: both are opaque unique
// text.
export async function insertAuditRows(sql: SqlSession, rows: AuditRow[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }

  const table = rows.map(toValues);

  if (sql.copyFromCsv) {
    await sql.copyFromCsv(COPY_SQL, table.map(toCsvLine).join(""));
    return;
  }

  await sql.query(
    INSERT_SQL,
    COLUMNS.map((_name, index) => table.map((values) => values[index])),
  );
}

function toValues(row: AuditRow): (string | null)[] {
  return [
    row.id ?? randomUUID(),
    row.appId,
    row.actorType,
    row.actorUserId ?? null,
    row.actorKeyId ?? null,
    row.actorLabel ?? null,
    row.action,
    row.targetType ?? null,
    row.targetId ?? null,
    row.ip ?? null,
    row.userAgent ?? null,
    row.details === undefined || row.details === null ? null : JSON.stringify(row.details),
    // timestamp(3) columns hold UTC: the zone suffix of the ISO text is ignored.
    new Date(row.createdAt ?? Date.now()).toISOString(),
  ];
}

// In PostgreSQL's CSV format an unquoted empty field is NULL and a quoted
// one is text, so every value is quoted, with its quotes doubled.
function toCsvLine(values: (string | null)[]): string {
  return `${values.map((value) => (value === null ? "" : `"${value.replaceAll('"', '""')}"`)).join(",")}\n`;
}
