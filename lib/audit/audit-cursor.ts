import type { Prisma } from "@/lib/generated/prisma/client";
import { ConsoleError } from "@/lib/errors/console-error";

// A keyset cursor: the (createdAt, id) of the last entry shown. The log is
// read newest first, so the next page contains the entries that sort after it.
export interface AuditCursor {
  createdAt: Date;
  id: string;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id]), "utf8").toString("base64url");
}

export function decodeAuditCursor(text: string): AuditCursor {
  const invalid = new ConsoleError("invalid_input", "the page cursor is invalid: start again from the newest entries", { field: "after" });

  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }

  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== "string" || typeof parsed[1] !== "string") {
    throw invalid;
  }

  const createdAt = new Date(parsed[0]);
  if (Number.isNaN(createdAt.getTime()) || parsed[1].length === 0 || parsed[1].length > 64) {
    throw invalid;
  }

  return { createdAt, id: parsed[1] };
}

// The entries after `cursor` in (createdAt desc, id desc) order.
export function afterCursor(cursor: AuditCursor): Prisma.AuditEventWhereInput {
  return {
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

export const AUDIT_ORDER: Prisma.AuditEventOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
