import { z } from "zod";

import type { Prisma } from "@/lib/generated/prisma/client";

import { AUDIT_ACTIONS } from "./audit-actions";

const DAY_MS = 24 * 60 * 60 * 1000;

// Search parameters may repeat a key; the first value counts, and an empty
// field means no filter.
function firstValue(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return first === "" ? undefined : first;
}

// Date.parse rolls 2026-02-31 over to March 3, so the date must survive a
// round trip unchanged.
function isCalendarDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

function dateSchema(name: string) {
  return z
    .string({ error: `${name} must be a date such as 2026-01-31` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${name} must be a date such as 2026-01-31` })
    .refine(isCalendarDate, { error: `${name} is not a real calendar date` });
}

// Filters of the audit page and the CSV export. Dates are whole days in UTC,
// and `to` includes its day.
export const auditFilterSchema = z
  .object({
    actor: z.preprocess(firstValue, z.string().trim().max(254, { error: "actor must be at most 254 characters" }).optional()),
    action: z.preprocess(
      firstValue,
      z.enum(AUDIT_ACTIONS, { error: "action is not one the audit log records: pick one from the list" }).optional(),
    ),
    from: z.preprocess(firstValue, dateSchema("from").optional()),
    to: z.preprocess(firstValue, dateSchema("to").optional()),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    path: ["to"],
    error: "to must not be before from",
  });

export type AuditFilters = z.output<typeof auditFilterSchema>;

// The query for the filtered entries of one app. The actor filter matches
// part of the recorded email or key label, ignoring case, or a whole user or
// key ID.
export function buildAuditWhere(appId: string, filters: AuditFilters): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { appId };

  if (filters.action) {
    where.action = filters.action;
  }

  if (filters.actor) {
    where.OR = [
      { actorLabel: { contains: filters.actor, mode: "insensitive" } },
      { actorUserId: filters.actor },
      { actorKeyId: filters.actor },
    ];
  }

  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
      ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } : {}),
    };
  }

  return where;
}
