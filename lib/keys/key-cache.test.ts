import { Worker } from "node:worker_threads";

import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/get-db";
import { seedAppWithKey } from "@/lib/testing/seed-app-with-key";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { sharedSlotMemory } from "@/lib/threads/shared-slots";

import { findKeyRecord, invalidateKeyRecords } from "./key-cache";

useTempDatabase();

// Raises the "keys" generation from a real second thread, as the production
// server's Next.js thread does when a key changes through a page.
async function raiseKeysGenerationInAnotherThread(): Promise<void> {
  const worker = new Worker("Atomics.add(new Int32Array(require('node:worker_threads').workerData), 0, 1);", {
    eval: true,
    workerData: sharedSlotMemory(),
  });
  await new Promise((resolve, reject) => worker.once("exit", resolve).once("error", reject));
}

async function revokeWithoutInvalidating(keyId: string): Promise<void> {
  const db = await getDb();
  await db.apiKey.update({ where: { id: keyId }, data: { status: "REVOKED", revokedAt: new Date() } });
}

describe("findKeyRecord", () => {
  it("serves cached key until invalidated", async () => {
    const { keyId } = await seedAppWithKey("Cache test");
    expect((await findKeyRecord(keyId))?.status).toBe("ACTIVE");

    await revokeWithoutInvalidating(keyId);
    expect((await findKeyRecord(keyId))?.status).toBe("ACTIVE");

    invalidateKeyRecords();
    expect((await findKeyRecord(keyId))?.status).toBe("REVOKED");
  });

  it("rereads key after another thread's change", async () => {
    const { keyId } = await seedAppWithKey("Cross-thread test");
    expect((await findKeyRecord(keyId))?.status).toBe("ACTIVE");

    await revokeWithoutInvalidating(keyId);
    await raiseKeysGenerationInAnotherThread();

    expect((await findKeyRecord(keyId))?.status).toBe("REVOKED");
  });
});
