import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { createApp } from "@/lib/apps/create-app";
import { signWithKey } from "@/lib/mint/sign-with-key";
import { AUDIT_TABLE_MISSING, withAuditTableRenamed } from "@/lib/testing/audit-table-renamed";
import { readAuditEvents } from "@/lib/testing/team-fixtures";
import { basicAuth } from "@/lib/testing/seed-app-with-key";
import { authenticateApiKey } from "@/lib/token-api/authenticate-api-key";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createUser } from "@/lib/users/create-user";
import { getDb } from "@/lib/db/get-db";

import { createApiKey } from "./create-api-key";
import { importApiKey } from "./import-api-key";
import { rotateApiKey } from "./rotate-api-key";
import { updateKeyRestrictions } from "./update-key-restrictions";

useTempDatabase();

const request = { identity: "alice", device: "web1", grants: { chat: true }, ttl: 600 };
const context = { ip: "127.0.0.1", userAgent: "rotate-api-key.test" };

// Each call makes a new account, so tests may share a suffix.
async function ownerWithKey(suffix: string) {
  const user = await createUser({ email: `rotate-${suffix}-${randomUUID().slice(0, 8)}@example.test`, password: "correct horse battery" });
  const actor = { ...user, name: null };
  const app = await createApp({ actor, input: { name: `App ${suffix}` } });
  const key = await createApiKey({ actor, appId: app.id, input: { label: "server" } });
  return { actor, appId: app.id, keyId: key.keyId, secret: key.secret };
}

describe("rotateApiKey", () => {
  it("keeps both keys signing during the overlap", async () => {
    const { actor, appId, keyId } = await ownerWithKey("a");

    const rotated = await rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 3600 } });

    await expect(signWithKey({ appId, keyId, request })).resolves.toMatchObject({ keyId });
    await expect(signWithKey({ appId, keyId: rotated.keyId, request })).resolves.toMatchObject({ keyId: rotated.keyId });
  });

  it("stops the old key once the overlap ends", async () => {
    const { actor, appId, keyId } = await ownerWithKey("b");

    const rotated = await rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 0 } });

    await expect(signWithKey({ appId, keyId, request })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/expired/) });
    await expect(signWithKey({ appId, keyId: rotated.keyId, request })).resolves.toBeDefined();
  });

  it("old key signs until its overlap ends", async () => {
    const { actor, appId, keyId } = await ownerWithKey("l");
    const rotated = await rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 3600 } });
    const end = rotated.oldKeyExpiresAt.getTime();

    await expect(signWithKey({ appId, keyId, request, now: new Date(end - 1000) })).resolves.toMatchObject({ keyId });
    await expect(signWithKey({ appId, keyId, request, now: new Date(end) })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/is expired/),
    });
    await expect(signWithKey({ appId, keyId, request, now: new Date(end + 1000) })).rejects.toMatchObject({ code: "conflict" });
    await expect(signWithKey({ appId, keyId: rotated.keyId, request, now: new Date(end + 1000) })).resolves.toBeDefined();
  });

  it("old key authenticates until its overlap ends", async () => {
    const { actor, appId, keyId, secret } = await ownerWithKey("m");
    const rotated = await rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 3600 } });
    const end = rotated.oldKeyExpiresAt.getTime();
    const authenticate = (id: string, keySecret: string, now: number) =>
      authenticateApiKey({ authorization: basicAuth(id, keySecret), context, now: new Date(now) });

    await expect(authenticate(keyId, secret, end - 1000)).resolves.toMatchObject({ id: keyId });
    await expect(authenticate(keyId, secret, end)).rejects.toMatchObject({
      code: "unauthenticated",
      message: expect.stringMatching(/expired at .*: use the key that replaced it/),
    });
    await expect(authenticate(keyId, secret, end + 1000)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(authenticate(rotated.keyId, rotated.secret, end + 1000)).resolves.toMatchObject({ id: rotated.keyId });
  });

  it("gives exactly one successor to two concurrent rotations", async () => {
    const { actor, appId, keyId } = await ownerWithKey("c");

    const results = await Promise.allSettled([
      rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 3600 } }),
      rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 3600 } }),
    ]);

    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result) => result.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", message: expect.stringMatching(/already rotated/) });
    const keys = await (await getDb()).apiKey.count({ where: { appId } });
    expect(keys).toBe(2);
    expect(await readAuditEvents(appId, "key.rotated")).toHaveLength(1);
  });

  it("records key.rotated with the successor", async () => {
    const { actor, appId, keyId } = await ownerWithKey("l");

    const rotated = await rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 3600 } });

    const entries = await readAuditEvents(appId, "key.rotated");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: actor.id, targetType: "key", targetId: keyId });
    expect(entries[0]?.details).toEqual({
      successorKeyId: rotated.keyId,
      overlapSeconds: 3600,
      oldKeyExpiresAt: rotated.oldKeyExpiresAt.toISOString(),
    });
  });

  it("keeps the old key unrotated when its audit entry fails", async () => {
    const { actor, appId, keyId } = await ownerWithKey("m");

    await expect(withAuditTableRenamed(() => rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 0 } }))).rejects.toMatchObject(
      AUDIT_TABLE_MISSING,
    );

    const db = await getDb();
    expect(await db.apiKey.count({ where: { appId } })).toBe(1);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).expiresAt).toBeNull();
    await expect(signWithKey({ appId, keyId, request })).resolves.toMatchObject({ keyId });
    await expect(rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 0 } })).resolves.toMatchObject({ replacedKeyId: keyId });
  });

  it("rejects an overlap over 30 days", async () => {
    const { actor, appId, keyId } = await ownerWithKey("d");

    await expect(rotateApiKey({ actor, appId, keyId, input: { overlapSeconds: 31 * 86400 } })).rejects.toMatchObject({
      code: "invalid_input",
      field: "overlapSeconds",
    });
  });
});

describe("updateKeyRestrictions", () => {
  it("refuses a grant outside the allowed set, naming it", async () => {
    const { actor, appId, keyId } = await ownerWithKey("e");
    await updateKeyRestrictions({ actor, appId, keyId, input: { allowedGrants: ["chat"], maxTtlSeconds: null, allowedOrigins: [] } });

    await expect(signWithKey({ appId, keyId, request: { ...request, grants: { chat: true, video: true } } })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/may grant only chat; remove video/),
    });
  });

  it("refuses a ttl over the maximum", async () => {
    const { actor, appId, keyId } = await ownerWithKey("f");
    await updateKeyRestrictions({ actor, appId, keyId, input: { allowedGrants: [], maxTtlSeconds: 300, allowedOrigins: [] } });

    await expect(signWithKey({ appId, keyId, request })).rejects.toMatchObject({ code: "forbidden", field: "ttl" });
  });

  it("refuses an origin outside the list", async () => {
    const { actor, appId, keyId } = await ownerWithKey("g");
    await updateKeyRestrictions({ actor, appId, keyId, input: { allowedGrants: [], maxTtlSeconds: null, allowedOrigins: ["https://app.example.test"] } });

    await expect(signWithKey({ appId, keyId, request, origin: "https://evil.example.test" })).rejects.toMatchObject({ field: "origin" });
    await expect(signWithKey({ appId, keyId, request, origin: "https://app.example.test" })).resolves.toBeDefined();
  });

  it("records key.restrictions_updated with the new values", async () => {
    const { actor, appId, keyId } = await ownerWithKey("n");
    const restrictions = { allowedGrants: ["chat"], maxTtlSeconds: 300, allowedOrigins: ["https://app.example.test"] };

    await updateKeyRestrictions({ actor, appId, keyId, input: restrictions });

    const entries = await readAuditEvents(appId, "key.restrictions_updated");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: actor.id, targetType: "key", targetId: keyId });
    expect(entries[0]?.details).toEqual(restrictions);
  });

  it("keeps the old restrictions when its audit entry fails", async () => {
    const { actor, appId, keyId } = await ownerWithKey("o");
    const input = { allowedGrants: ["chat"], maxTtlSeconds: 300, allowedOrigins: [] };

    await expect(withAuditTableRenamed(() => updateKeyRestrictions({ actor, appId, keyId, input }))).rejects.toMatchObject(AUDIT_TABLE_MISSING);

    const row = await (await getDb()).apiKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(row.allowedGrants).toEqual([]);
    expect(row.maxTtlSeconds).toBeNull();
    await expect(signWithKey({ appId, keyId, request })).resolves.toMatchObject({ keyId });
  });

  it("rejects an origin with a path", async () => {
    const { actor, appId, keyId } = await ownerWithKey("h");

    await expect(
      updateKeyRestrictions({ actor, appId, keyId, input: { allowedGrants: [], maxTtlSeconds: null, allowedOrigins: ["https://app.example.test/x"] } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("importApiKey", () => {
  it("stores an imported key that signs like the reference builder", async () => {
    const { actor, appId } = await ownerWithKey("i");

    await importApiKey({ actor, appId, input: { label: "moved", keyId: "b234fdb83571400f9b62e204d735126e", secret: "k7Qm2xV9pLr4Tz8Wc1Nb6Yd3Hf5Js0Ga" } });

    await expect(signWithKey({ appId, keyId: "b234fdb83571400f9b62e204d735126e", request })).resolves.toBeDefined();
  });

  it("records key.imported with the label", async () => {
    const { actor, appId } = await ownerWithKey("p");
    const keyId = "d".repeat(32);

    await importApiKey({ actor, appId, input: { label: "moved", keyId, secret: "0123456789abcdef0123" } });

    const entries = await readAuditEvents(appId, "key.imported");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: actor.id, targetType: "key", targetId: keyId });
    expect(entries[0]?.details).toEqual({ label: "moved" });
  });

  it("stores no key when its audit entry fails", async () => {
    const { actor, appId } = await ownerWithKey("q");
    const input = { label: "moved", keyId: "e".repeat(32), secret: "0123456789abcdef0123" };

    await expect(withAuditTableRenamed(() => importApiKey({ actor, appId, input }))).rejects.toMatchObject(AUDIT_TABLE_MISSING);

    expect(await (await getDb()).apiKey.count({ where: { id: input.keyId } })).toBe(0);
    await expect(importApiKey({ actor, appId, input })).resolves.toMatchObject({ keyId: input.keyId });
  });

  it("rejects a secret under 16 bytes", async () => {
    const { actor, appId } = await ownerWithKey("j");

    await expect(importApiKey({ actor, appId, input: { label: "weak", keyId: "a".repeat(32), secret: "short-secret" } })).rejects.toMatchObject({
      field: "secret",
      message: expect.stringMatching(/too weak: it must be at least 16 bytes/),
    });
  });

  it("rejects a key ID imported twice", async () => {
    const { actor, appId } = await ownerWithKey("k");
    const input = { label: "moved", keyId: "c".repeat(32), secret: "0123456789abcdef0123" };
    await importApiKey({ actor, appId, input });

    await expect(importApiKey({ actor, appId, input })).rejects.toMatchObject({ code: "conflict", field: "keyId" });
  });
});
