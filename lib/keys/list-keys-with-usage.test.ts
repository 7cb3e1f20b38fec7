import { describe, expect, it } from "vitest";

import { createApp } from "@/lib/apps/create-app";
import { signWithKey } from "@/lib/mint/sign-with-key";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createUser } from "@/lib/users/create-user";

import { createApiKey } from "./create-api-key";
import { importApiKey } from "./import-api-key";
import { listKeysWithUsage } from "./list-keys-with-usage";
import { revokeApiKey } from "./revoke-api-key";
import { rotateApiKey } from "./rotate-api-key";
import { updateKeyRestrictions } from "./update-key-restrictions";
import { flushKeyUsage } from "./usage-recorder";

useTempDatabase();

const request = { identity: "alice", device: "web1", grants: { chat: true }, ttl: 600 };
const HOUR_MS = 60 * 60 * 1000;

async function ownerWithKey(suffix: string) {
  const user = await createUser({ email: `list-${suffix}@example.test`, password: "correct horse battery" });
  const actor = { ...user, name: null };
  const app = await createApp({ actor, input: { name: `App ${suffix}` } });
  const key = await createApiKey({ actor, appId: app.id, input: { label: "server" } });
  return { actor, appId: app.id, keyId: key.keyId };
}

describe("listKeysWithUsage", () => {
  it("new key is active and unused", async () => {
    const { actor, appId, keyId } = await ownerWithKey("a");

    const [entry] = await listKeysWithUsage({ actor, appId });

    expect(entry?.id).toBe(keyId);
    expect(entry?.effectiveStatus).toBe("active");
    expect(entry?.tokens24h).toBe(0);
    expect(entry?.lastUsedAt).toBeNull();
    expect(entry?.imported).toBe(false);
  });

  it("counts tokens before and after a flush", async () => {
    const { actor, appId, keyId } = await ownerWithKey("b");
    await signWithKey({ appId, keyId, request });
    await signWithKey({ appId, keyId, request });

    const [inMemory] = await listKeysWithUsage({ actor, appId });
    await flushKeyUsage();
    const [flushed] = await listKeysWithUsage({ actor, appId });

    expect(inMemory?.tokens24h).toBe(2);
    expect(inMemory?.lastUsedAt).toBeInstanceOf(Date);
    expect(flushed?.tokens24h).toBe(2);
    expect(flushed?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("counts tokens of the last 24 hours only", async () => {
    const { actor, appId, keyId } = await ownerWithKey("h");
    const now = new Date("2026-06-02T12:00:30Z");
    // Each group is flushed on its own, as the minute timer would after
    // hours apart; the last group stays in memory.
    const groups = [
      { hoursAgo: 25, count: 4, flush: true },
      { hoursAgo: 24.1, count: 3, flush: true },
      { hoursAgo: 23.9, count: 2, flush: true },
      { hoursAgo: 1, count: 5, flush: true },
      { hoursAgo: 0.01, count: 1, flush: false },
    ];
    for (const group of groups) {
      const signedAt = new Date(now.getTime() - group.hoursAgo * HOUR_MS);
      for (let index = 0; index < group.count; index += 1) {
        await signWithKey({ appId, keyId, request, now: signedAt });
      }
      if (group.flush) {
        await flushKeyUsage();
      }
    }

    const [entry] = await listKeysWithUsage({ actor, appId, now });

    expect(entry?.tokens24h).toBe(2 + 5 + 1);
  });

  it("rotation shows successor and expiring key", async () => {
    const { actor, appId, keyId } = await ownerWithKey("c");

    const rotated = await rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 3600 } });
    const entries = await listKeysWithUsage({ actor, appId });
    const old = entries.find((entry) => entry.id === keyId);
    const successor = entries.find((entry) => entry.id === rotated.keyId);

    expect(old?.effectiveStatus).toBe("expiring");
    expect(old?.expiresAt?.getTime()).toBe(rotated.oldKeyExpiresAt.getTime());
    expect(successor?.effectiveStatus).toBe("active");
    expect(successor?.replacesKeyId).toBe(keyId);
  });

  it("expired and revoked statuses", async () => {
    const { actor, appId, keyId } = await ownerWithKey("d");
    const rotated = await rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 0 } });
    await revokeApiKey({ actor, appId, keyId: rotated.keyId });

    const entries = await listKeysWithUsage({ actor, appId });

    expect(entries.find((entry) => entry.id === keyId)?.effectiveStatus).toBe("expired");
    expect(entries.find((entry) => entry.id === rotated.keyId)?.effectiveStatus).toBe("revoked");
  });

  it("includes restrictions and the imported flag", async () => {
    const { actor, appId, keyId } = await ownerWithKey("e");
    await updateKeyRestrictions({ actor, appId, keyId, input: { allowedGrants: ["chat"], maxTtlSeconds: 300, allowedOrigins: ["https://app.example.test"] } });
    await importApiKey({ actor, appId, input: { label: "moved", keyId: "d".repeat(32), secret: "k7Qm2xV9pLr4Tz8Wc1Nb6Yd3Hf5Js0Ga" } });

    const entries = await listKeysWithUsage({ actor, appId });
    const restricted = entries.find((entry) => entry.id === keyId);

    expect(restricted?.allowedGrants).toEqual(["chat"]);
    expect(restricted?.maxTtlSeconds).toBe(300);
    expect(restricted?.allowedOrigins).toEqual(["https://app.example.test"]);
    expect(entries.find((entry) => entry.id === "d".repeat(32))?.imported).toBe(true);
  });

  it("non-member gets not found", async () => {
    const { appId } = await ownerWithKey("f");
    const { actor: stranger } = await ownerWithKey("g");

    await expect(listKeysWithUsage({ actor: stranger, appId })).rejects.toMatchObject({ code: "not_found" });
  });
});
