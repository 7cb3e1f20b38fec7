import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/get-db";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createTestApp, createTestUser } from "@/lib/testing/team-fixtures";

import { pruneAuditEvents } from "./prune-audit-events";

useTempDatabase();

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-06-01T12:00:00Z");

async function appWithEntries(retentionDays: number, ageDays: number[]): Promise<string> {
  const owner = await createTestUser("owner");
  const appId = await createTestApp(owner);
  const db = await getDb();
  await db.app.update({ where: { id: appId }, data: { auditRetentionDays: retentionDays } });
  // createApp recorded app.created just now; only the entries below count.
  await db.auditEvent.deleteMany({ where: { appId } });
  await db.auditEvent.createMany({
    data: ageDays.map((age) => ({
      appId,
      actorType: "ANONYMOUS" as const,
      action: "token.demo_minted",
      details: { ageDays: age },
      createdAt: new Date(NOW.getTime() - age * DAY_MS),
    })),
  });
  return appId;
}

async function remainingAges(appId: string): Promise<number[]> {
  const rows = await (await getDb()).auditEvent.findMany({ where: { appId }, select: { details: true } });
  return rows.map((row) => (row.details as { ageDays: number }).ageDays).sort((a, b) => a - b);
}

describe("pruneAuditEvents", () => {
  it("deletes entries past each app's retention", async () => {
    const shortApp = await appWithEntries(7, [1, 6.9, 7.1, 30]);
    const defaultApp = await appWithEntries(90, [1, 30, 89, 91, 400]);

    const { deleted } = await pruneAuditEvents({ now: NOW });

    expect(await remainingAges(shortApp)).toEqual([1, 6.9]);
    expect(await remainingAges(defaultApp)).toEqual([1, 30, 89]);
    expect(deleted).toBeGreaterThanOrEqual(4);
  });

  it("keeps an entry exactly at the cutoff", async () => {
    const appId = await appWithEntries(1, [1]);

    await pruneAuditEvents({ now: NOW });

    expect(await remainingAges(appId)).toEqual([1]);
  });

  it("deletes nothing on a second run", async () => {
    await appWithEntries(3, [5, 10]);
    await pruneAuditEvents({ now: NOW });

    expect(await pruneAuditEvents({ now: NOW })).toEqual({ deleted: 0 });
  });
});
