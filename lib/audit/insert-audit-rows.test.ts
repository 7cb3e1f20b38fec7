import { describe, expect, it } from "vitest";

import { getDatabase, getDb } from "@/lib/db/get-db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createTestApp, createTestUser } from "@/lib/testing/team-fixtures";
import { useTempDatabase } from "@/lib/testing/temp-database";

import { insertAuditRows } from "./insert-audit-rows";

useTempDatabase();

// Values that CSV and array parameters must both carry unchanged.
const AWKWARD_LABEL = 'key "one", with\na line break and ünïcode';
const AWKWARD_AGENT = "Mozilla/5.0 (\"quoted\"), back\\slash";

function rowsFor(appId: string, count: number): Prisma.AuditEventCreateManyInput[] {
  return Array.from({ length: count }, (_unused, index) => ({
    appId,
    actorType: "KEY",
    actorKeyId: "a".repeat(32),
    actorLabel: index === 0 ? AWKWARD_LABEL : "server",
    action: "token.minted",
    targetType: null,
    ip: index === 0 ? null : "203.0.113.7",
    userAgent: AWKWARD_AGENT,
    details: { identity: "alice", device: "web1", grants: ["chat"], ttl: 600, note: 'a "quote"' },
    createdAt: new Date(Date.UTC(2026, 11, 4, 12, 0, index)),
  }));
}

async function readRows(appId: string) {
  const db = await getDb();
  return db.auditEvent.findMany({
    where: { appId, action: "token.minted" },
    orderBy: { createdAt: "asc" },
    select: { actorLabel: true, actorKeyId: true, targetType: true, ip: true, userAgent: true, details: true, createdAt: true },
  });
}

describe("insertAuditRows", () => {
  it("writes awkward values unchanged through the database's own session", async () => {
    const appId = await createTestApp(await createTestUser());
    const { sql } = await getDatabase();

    await insertAuditRows(sql, rowsFor(appId, 3));

    const rows = await readRows(appId);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ actorLabel: AWKWARD_LABEL, ip: null, targetType: null, userAgent: AWKWARD_AGENT });
    expect(rows[0]?.details).toEqual({ identity: "alice", device: "web1", grants: ["chat"], ttl: 600, note: 'a "quote"' });
    expect(rows[2]?.createdAt.toISOString()).toBe("2026-12-04T12:00:02.000Z");
  });

  it("writes the same rows through the INSERT path as through COPY", async () => {
    const appId = await createTestApp(await createTestUser());
    const { sql } = await getDatabase();
    const withoutCopy = { query: sql.query.bind(sql), exec: sql.exec.bind(sql) };

    await insertAuditRows(withoutCopy, rowsFor(appId, 2));

    const rows = await readRows(appId);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actorLabel: AWKWARD_LABEL, ip: null, userAgent: AWKWARD_AGENT });
    expect(rows[1]).toMatchObject({ actorLabel: "server", ip: "203.0.113.7" });
  });

  it("writes nothing for no rows", async () => {
    const { sql } = await getDatabase();

    await expect(insertAuditRows({ query: () => Promise.reject(new Error("no query expected")), exec: sql.exec }, [])).resolves.toBeUndefined();
  });
});
