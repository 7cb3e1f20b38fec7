import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/get-db";
import { seedAppWithKey } from "@/lib/testing/seed-app-with-key";
import { useTempDatabase } from "@/lib/testing/temp-database";

import { runHourlyPruning } from "./schedule-hourly-pruning";

useTempDatabase();

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-06-02T12:00:00Z");

describe("runHourlyPruning", () => {
  it("prunes audit entries and key usage", async () => {
    const seeded = await seedAppWithKey("Hourly pruning");
    const db = await getDb();
    await db.auditEvent.createMany({
      data: [400, 1].map((ageDays) => ({
        appId: seeded.appId,
        actorType: "ANONYMOUS" as const,
        action: "token.demo_minted",
        details: { ageDays },
        createdAt: new Date(NOW.getTime() - ageDays * DAY_MS),
      })),
    });
    await db.keyUsage.createMany({
      data: [2, 0.5].map((ageDays) => ({ keyId: seeded.keyId, minuteStart: new Date(NOW.getTime() - ageDays * DAY_MS), tokenCount: 1 })),
    });

    await runHourlyPruning({ now: NOW });

    const events = await db.auditEvent.findMany({ where: { appId: seeded.appId, action: "token.demo_minted" } });
    expect(events.map((event) => event.details)).toEqual([{ ageDays: 1 }]);
    const usage = await db.keyUsage.findMany({ where: { keyId: seeded.keyId } });
    expect(usage.map((row) => row.minuteStart.toISOString())).toEqual([new Date(NOW.getTime() - 0.5 * DAY_MS).toISOString()]);
  });
});
