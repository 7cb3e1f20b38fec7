import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createTestApp, createTestUser } from "@/lib/testing/team-fixtures";

import type { AuditAction } from "./audit-actions";
import { auditFilterSchema, type AuditFilters } from "./audit-filters";
import { AUDIT_CSV_HEADER, exportAuditEvents } from "./export-audit-events";
import { listAuditEvents } from "./list-audit-events";

useTempDatabase();

let owner: Actor;
let appId: string;
let otherAppId: string;

const BASE = Date.parse("2026-03-10T00:00:00Z");

// 120 entries: pairs share a timestamp, so pages must break ties by ID.
beforeAll(async () => {
  owner = await createTestUser("owner");
  appId = await createTestApp(owner);
  otherAppId = await createTestApp(owner);
  const db = await getDb();
  await db.auditEvent.deleteMany({ where: { appId: { in: [appId, otherAppId] } } });

  const actions: AuditAction[] = ["key.created", "token.minted", "member.added"];
  await db.auditEvent.createMany({
    data: Array.from({ length: 120 }, (_, index) => ({
      appId,
      actorType: index % 4 === 0 ? ("KEY" as const) : ("USER" as const),
      actorKeyId: index % 4 === 0 ? "b234fdb83571400f9b62e204d735126e" : null,
      actorUserId: index % 4 === 0 ? null : owner.id,
      actorLabel: index % 4 === 0 ? "CI server" : owner.email,
      action: actions[index % 3]!,
      targetType: "key",
      targetId: `target-${index}`,
      createdAt: new Date(BASE + Math.floor(index / 2) * 3_600_000),
    })),
  });
  await db.auditEvent.create({ data: { appId: otherAppId, actorType: "ANONYMOUS", action: "token.demo_minted", createdAt: new Date(BASE) } });
});

async function readAllPages(filters: AuditFilters, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const result = await listAuditEvents({ actor: owner, appId, filters, after, pageSize });
    ids.push(...result.entries.map((entry) => entry.targetId ?? ""));
    if (!result.nextCursor) {
      return ids;
    }
    after = result.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("listAuditEvents", () => {
  it("pages through every entry once, newest first", async () => {
    const ids = await readAllPages({}, 7);

    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    expect(ids[0]).toMatch(/^target-11[89]$/);
    expect(ids.at(-1)).toMatch(/^target-[01]$/);
  });

  it("ends with a null cursor on an exact last page", async () => {
    const first = await listAuditEvents({ actor: owner, appId, filters: {}, pageSize: 60 });
    const second = await listAuditEvents({ actor: owner, appId, filters: {}, pageSize: 60, after: first.nextCursor ?? undefined });

    expect(second.entries).toHaveLength(60);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by action", async () => {
    const ids = await readAllPages({ action: "token.minted" }, 25);

    expect(ids).toHaveLength(40);
  });

  it("filters by actor label, ignoring case", async () => {
    const ids = await readAllPages({ actor: "ci SERVER" }, 50);

    expect(ids).toHaveLength(30);
  });

  it("filters by key ID", async () => {
    const ids = await readAllPages({ actor: "b234fdb83571400f9b62e204d735126e" }, 50);

    expect(ids).toHaveLength(30);
  });

  it("filters by a UTC day range, including the last day", async () => {
    // Entries are 1 hour apart in pairs: 2026-03-10 contains 48 entries.
    const ids = await readAllPages({ from: "2026-03-10", to: "2026-03-10" }, 50);

    expect(ids).toHaveLength(48);
  });

  it("never shows another app's entries", async () => {
    const ids = await readAllPages({ action: "token.demo_minted" }, 50);

    expect(ids).toEqual([]);
  });

  it("rejects a tampered cursor", async () => {
    await expect(listAuditEvents({ actor: owner, appId, filters: {}, after: "bm90LWpzb24" })).rejects.toMatchObject({
      code: "invalid_input",
      field: "after",
    });
  });
});

describe("auditFilterSchema", () => {
  it.each([
    ["an unknown action", { action: "key.deleted" }, "action"],
    ["a malformed date", { from: "10/03/2026" }, "from"],
    ["an impossible date", { to: "2026-02-31" }, "to"],
    ["a range ending before it starts", { from: "2026-03-11", to: "2026-03-10" }, "to"],
  ])("rejects %s", (_name, input, field) => {
    const result = auditFilterSchema.safeParse(input);

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it("treats empty fields as no filter", () => {
    expect(auditFilterSchema.parse({ actor: "", action: "", from: "", to: "" })).toEqual({});
  });
});

describe("exportAuditEvents", () => {
  it("streams a header and every filtered entry", async () => {
    const csv = await new Response(await exportAuditEvents({ actor: owner, appId, filters: { action: "member.added" } })).text();
    const lines = csv.split("\r\n").filter((line) => line !== "");

    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(","));
    expect(lines).toHaveLength(41);
    expect(lines.slice(1).every((line) => line.includes(",member.added,"))).toBe(true);
  });

  it("guards and escapes hostile cells", async () => {
    const hostileApp = await createTestApp(owner);
    const db = await getDb();
    await db.auditEvent.deleteMany({ where: { appId: hostileApp } });
    await db.auditEvent.create({
      data: { appId: hostileApp, actorType: "ANONYMOUS", actorLabel: "=cmd|' /C calc'!A0", action: "api.auth_failed", userAgent: 'curl "8", or so' },
    });

    const csv = await new Response(await exportAuditEvents({ actor: owner, appId: hostileApp, filters: {} })).text();

    expect(csv).toContain(",'=cmd|' /C calc'!A0,");
    expect(csv).toContain(',"curl ""8"", or so",');
  });

  it("reads past one batch of 500", async () => {
    const bigApp = await createTestApp(owner);
    const db = await getDb();
    await db.auditEvent.createMany({
      data: Array.from({ length: 1201 }, (_, index) => ({
        appId: bigApp,
        actorType: "ANONYMOUS" as const,
        action: "token.demo_minted",
        targetId: `t${index}`,
        createdAt: new Date(BASE + Math.floor(index / 3) * 1000),
      })),
    });

    const csv = await new Response(await exportAuditEvents({ actor: owner, appId: bigApp, filters: { action: "token.demo_minted" } })).text();
    const targets = csv.split("\r\n").slice(1, -1).map((line) => line.split(",")[7]);

    expect(targets).toHaveLength(1201);
    expect(new Set(targets).size).toBe(1201);
  });
});
