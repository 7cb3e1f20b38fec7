import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/get-db";
import { signWithKey } from "@/lib/mint/sign-with-key";
import { seedAppWithKey } from "@/lib/testing/seed-app-with-key";
import { useTempDatabase } from "@/lib/testing/temp-database";

import { createApiKey } from "./create-api-key";
import { flushKeyUsage, forwardKeyUses, readKeyUsage } from "./usage-recorder";

useTempDatabase();

const MINUTE_MS = 60_000;
const FIRST_MINUTE = new Date("2026-06-01T12:00:00Z");
const request = { identity: "alice", device: "web1", grants: { chat: true }, ttl: 600 };

// A trigger logs every row written to KeyUsage, inserts and updates alike,
// so the tests count database writes and not only the rows they leave.
beforeAll(async () => {
  const db = await getDb();
  await db.$executeRawUnsafe(`CREATE TABLE "KeyUsageWriteLog" ("keyId" text NOT NULL)`);
  await db.$executeRawUnsafe(`
    CREATE FUNCTION log_key_usage_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO "KeyUsageWriteLog" ("keyId") VALUES (NEW."keyId");
      RETURN NEW;
    END $$`);
  await db.$executeRawUnsafe(`
    CREATE TRIGGER log_key_usage_write AFTER INSERT OR UPDATE ON "KeyUsage"
    FOR EACH ROW EXECUTE FUNCTION log_key_usage_write()`);
});

async function countWrites(keyId: string): Promise<number> {
  const rows = await (await getDb()).$queryRawUnsafe<{ writes: number }[]>(
    `SELECT count(*)::int AS writes FROM "KeyUsageWriteLog" WHERE "keyId" = $1`,
    keyId,
  );
  return rows[0]?.writes ?? 0;
}

async function readRows(keyId: string) {
  return (await getDb()).keyUsage.findMany({ where: { keyId }, orderBy: { minuteStart: "asc" } });
}

// Signs `count` tokens spread evenly over the minute that starts at `minute`.
async function signDuringMinute(seeded: { appId: string; keyId: string }, minute: Date, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const now = new Date(minute.getTime() + Math.floor((index * MINUTE_MS) / count));
    await signWithKey({ appId: seeded.appId, keyId: seeded.keyId, request, now });
  }
}

describe("key usage recorder", () => {
  it("writes nothing while signing", async () => {
    const seeded = await seedAppWithKey("Usage no write");

    await signDuringMinute(seeded, FIRST_MINUTE, 100);

    expect(await countWrites(seeded.keyId)).toBe(0);
    expect(await readRows(seeded.keyId)).toEqual([]);
    const key = await (await getDb()).apiKey.findUniqueOrThrow({ where: { id: seeded.keyId } });
    expect(key.lastUsedAt).toBeNull();
    const usage = await readKeyUsage([seeded.keyId], new Date(FIRST_MINUTE.getTime() + MINUTE_MS));
    expect(usage.get(seeded.keyId)?.tokens24h).toBe(100);
  });

  it("writes each key once per flush", async () => {
    const first = await seedAppWithKey("Usage two keys");
    const second = await createApiKey({ actor: first.actor, appId: first.appId, input: { label: "second" } });
    const secondKey = { appId: first.appId, keyId: second.keyId };

    await signDuringMinute(first, FIRST_MINUTE, 100);
    await signDuringMinute(secondKey, FIRST_MINUTE, 40);
    await flushKeyUsage();

    expect(await countWrites(first.keyId)).toBe(1);
    expect(await countWrites(second.keyId)).toBe(1);
    const firstRows = await readRows(first.keyId);
    expect(firstRows.map((row) => [row.minuteStart.toISOString(), row.tokenCount])).toEqual([[FIRST_MINUTE.toISOString(), 100]]);
    const secondRows = await readRows(second.keyId);
    expect(secondRows.map((row) => [row.minuteStart.toISOString(), row.tokenCount])).toEqual([[FIRST_MINUTE.toISOString(), 40]]);
  });

  it("writes the next minute to its own row", async () => {
    const seeded = await seedAppWithKey("Usage two minutes");
    const nextMinute = new Date(FIRST_MINUTE.getTime() + MINUTE_MS);

    await signDuringMinute(seeded, FIRST_MINUTE, 30);
    await flushKeyUsage();
    await signDuringMinute(seeded, nextMinute, 20);
    await flushKeyUsage();

    expect(await countWrites(seeded.keyId)).toBe(2);
    const rows = await readRows(seeded.keyId);
    expect(rows.map((row) => [row.minuteStart.toISOString(), row.tokenCount])).toEqual([
      [FIRST_MINUTE.toISOString(), 30],
      [nextMinute.toISOString(), 20],
    ]);
  });

  it("stores the last use on the key", async () => {
    const seeded = await seedAppWithKey("Usage last use");
    const lastUse = new Date(FIRST_MINUTE.getTime() + 42_000);

    await signWithKey({ appId: seeded.appId, keyId: seeded.keyId, request, now: FIRST_MINUTE });
    await signWithKey({ appId: seeded.appId, keyId: seeded.keyId, request, now: lastUse });
    await flushKeyUsage();

    const key = await (await getDb()).apiKey.findUniqueOrThrow({ where: { id: seeded.keyId } });
    expect(key.lastUsedAt?.toISOString()).toBe(lastUse.toISOString());
  });

  it("forwards uses instead of counting them", async () => {
    const seeded = await seedAppWithKey("Usage forwarded");
    const forwarded: [string, string, string][] = [];
    forwardKeyUses({
      record: (keyId, use, at) => forwarded.push([keyId, use, at.toISOString()]),
      readPending: () => Promise.resolve(new Map()),
    });

    try {
      await signWithKey({ appId: seeded.appId, keyId: seeded.keyId, request, now: FIRST_MINUTE });
      await flushKeyUsage();
    } finally {
      forwardKeyUses(undefined);
    }

    expect(forwarded).toEqual([[seeded.keyId, "sign", FIRST_MINUTE.toISOString()]]);
    expect(await countWrites(seeded.keyId)).toBe(0);
  });

  it("adds the counting thread's pending uses", async () => {
    const seeded = await seedAppWithKey("Usage pending elsewhere");
    const requestedKeyIds: string[][] = [];
    forwardKeyUses({
      record: () => undefined,
      readPending: (keyIds) => {
        requestedKeyIds.push(keyIds);
        return Promise.resolve(new Map([[seeded.keyId, { signs: 3, verifies: 1, lastUsedAt: FIRST_MINUTE }]]));
      },
    });

    let usage: Awaited<ReturnType<typeof readKeyUsage>>;
    try {
      usage = await readKeyUsage([seeded.keyId], FIRST_MINUTE);
    } finally {
      forwardKeyUses(undefined);
    }

    expect(requestedKeyIds).toEqual([[seeded.keyId]]);
    expect(usage.get(seeded.keyId)).toEqual({ tokens24h: 3, lastUsedAt: FIRST_MINUTE });
  });
});
