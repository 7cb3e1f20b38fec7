import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/get-db";
import { signWithKey } from "@/lib/mint/sign-with-key";
import { seedAppWithKey } from "@/lib/testing/seed-app-with-key";
import { useTempDatabase } from "@/lib/testing/temp-database";

import { listKeysWithUsage } from "./list-keys-with-usage";
import { pruneKeyUsage } from "./prune-key-usage";
import { flushKeyUsage, USAGE_WINDOW_MS } from "./usage-recorder";

useTempDatabase();

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const NOW = new Date("2026-06-02T12:00:00Z");
const request = { identity: "alice", device: "web1", grants: { chat: true }, ttl: 600 };

// Inserts one usage row per age, each counting as many tokens as its age in
// minutes, so the remaining rows show which ages survived.
async function keyWithRows(agesInMinutes: number[]): Promise<string> {
  const seeded = await seedAppWithKey("Prune usage");
  await (await getDb()).keyUsage.createMany({
    data: agesInMinutes.map((age) => ({ keyId: seeded.keyId, minuteStart: new Date(NOW.getTime() - age * MINUTE_MS), tokenCount: age })),
  });
  return seeded.keyId;
}

async function remainingAges(keyId: string): Promise<number[]> {
  const rows = await (await getDb()).keyUsage.findMany({ where: { keyId }, orderBy: { minuteStart: "desc" } });
  return rows.map((row) => row.tokenCount);
}

describe("pruneKeyUsage", () => {
  it("deletes rows older than 24 hours", async () => {
    const keyId = await keyWithRows([1, 60, 23 * 60, 24 * 60 + 1, 25 * 60, 30 * 24 * 60]);

    const { deleted } = await pruneKeyUsage({ now: NOW });

    expect(await remainingAges(keyId)).toEqual([1, 60, 23 * 60]);
    expect(deleted).toBeGreaterThanOrEqual(3);
  });

  it("keeps a row exactly at the cutoff", async () => {
    const keyId = await keyWithRows([USAGE_WINDOW_MS / MINUTE_MS]);

    await pruneKeyUsage({ now: NOW });

    expect(await remainingAges(keyId)).toEqual([24 * 60]);
  });

  it("keeps the 24-hour count and last use", async () => {
    const seeded = await seedAppWithKey("Prune usage list");
    const lastUse = new Date(NOW.getTime() - 2 * HOUR_MS);
    await signWithKey({ appId: seeded.appId, keyId: seeded.keyId, request, now: new Date(NOW.getTime() - 30 * HOUR_MS) });
    await flushKeyUsage();
    await signWithKey({ appId: seeded.appId, keyId: seeded.keyId, request, now: lastUse });
    await signWithKey({ appId: seeded.appId, keyId: seeded.keyId, request, now: lastUse });
    await flushKeyUsage();
    const options = { actor: seeded.actor, appId: seeded.appId, now: NOW };
    const [before] = await listKeysWithUsage(options);

    await pruneKeyUsage({ now: NOW });

    const [after] = await listKeysWithUsage(options);
    expect(await (await getDb()).keyUsage.count({ where: { keyId: seeded.keyId } })).toBe(1);
    expect(before?.tokens24h).toBe(2);
    expect(after?.tokens24h).toBe(2);
    expect(after?.lastUsedAt?.toISOString()).toBe(lastUse.toISOString());
  });

  it("deletes nothing on a second run", async () => {
    await keyWithRows([25 * 60, 26 * 60]);
    await pruneKeyUsage({ now: NOW });

    expect(await pruneKeyUsage({ now: NOW })).toEqual({ deleted: 0 });
  });
});
