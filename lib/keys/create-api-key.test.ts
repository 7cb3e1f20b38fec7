import { describe, expect, it } from "vitest";

import { createApp } from "@/lib/apps/create-app";
import { getDb } from "@/lib/db/get-db";
import { AUDIT_TABLE_MISSING, withAuditTableRenamed } from "@/lib/testing/audit-table-renamed";
import { readAuditEvents } from "@/lib/testing/team-fixtures";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createUser } from "@/lib/users/create-user";

import { signWithKey } from "@/lib/mint/sign-with-key";

import { createApiKey } from "./create-api-key";
import { findKeyRecord } from "./key-cache";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";

useTempDatabase();

async function makeOwner(suffix: string) {
  const user = await createUser({ email: `owner-${suffix}@example.test`, password: "correct horse battery" });
  const actor = { ...user, name: null };
  const app = await createApp({ actor, input: { name: `App ${suffix}` } });
  return { actor, app };
}

describe("createApiKey", () => {
  it("returns a hex key ID and a secret stored only encrypted", async () => {
    const { actor, app } = await makeOwner("a");

    const created = await createApiKey({ actor, appId: app.id, input: { label: "server" } });

    expect(created.keyId).toMatch(/^[0-9a-f]{32}$/);
    expect(Buffer.from(created.secret, "base64url").length).toBeGreaterThanOrEqual(32);
    const row = await (await getDb()).apiKey.findUniqueOrThrow({ where: { id: created.keyId } });
    expect(row.secretCiphertext).not.toContain(created.secret);
    expect(row.secretHint).toBe(created.secret.slice(-4));
  });

  it("decrypts back to the same secret", async () => {
    const { actor, app } = await makeOwner("b");
    const created = await createApiKey({ actor, appId: app.id, input: { label: "server" } });

    const loaded = await findKeyRecord(created.keyId);

    expect(loaded?.secret).toBe(created.secret);
  });

  it("rejects a blank label naming the field", async () => {
    const { actor, app } = await makeOwner("c");

    await expect(createApiKey({ actor, appId: app.id, input: { label: "  " } })).rejects.toMatchObject({
      code: "invalid_input",
      field: "label",
    });
  });

  it("records key.created with the label", async () => {
    const { actor, app } = await makeOwner("h");

    const created = await createApiKey({ actor, appId: app.id, input: { label: "server" } });

    const entries = await readAuditEvents(app.id, "key.created");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: actor.id, targetType: "key", targetId: created.keyId });
    expect(entries[0]?.details).toEqual({ label: "server" });
  });

  it("stores no key when its audit entry fails", async () => {
    const { actor, app } = await makeOwner("i");

    await expect(withAuditTableRenamed(() => createApiKey({ actor, appId: app.id, input: { label: "server" } }))).rejects.toMatchObject(
      AUDIT_TABLE_MISSING,
    );

    expect(await (await getDb()).apiKey.count({ where: { appId: app.id } })).toBe(0);
  });

  it("answers not found to a non-member", async () => {
    const { app } = await makeOwner("d");
    const { actor: stranger } = await makeOwner("e");

    await expect(createApiKey({ actor: stranger, appId: app.id, input: { label: "x" } })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("revokeApiKey", () => {
  it("marks the key revoked and refuses a second revocation", async () => {
    const { actor, app } = await makeOwner("f");
    const created = await createApiKey({ actor, appId: app.id, input: { label: "server" } });

    await revokeApiKey({ actor, appId: app.id, keyId: created.keyId });

    const [key] = await listApiKeys({ actor, appId: app.id });
    expect(key?.status).toBe("REVOKED");
    await expect(revokeApiKey({ actor, appId: app.id, keyId: created.keyId })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("revokeApiKey audit", () => {
  it("records key.revoked once across two revocations", async () => {
    const { actor, app } = await makeOwner("j");
    const created = await createApiKey({ actor, appId: app.id, input: { label: "server" } });

    await revokeApiKey({ actor, appId: app.id, keyId: created.keyId });
    await expect(revokeApiKey({ actor, appId: app.id, keyId: created.keyId })).rejects.toMatchObject({ code: "conflict" });

    const entries = await readAuditEvents(app.id, "key.revoked");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: actor.id, targetType: "key", targetId: created.keyId });
  });

  it("keeps the key active when its audit entry fails", async () => {
    const { actor, app } = await makeOwner("k");
    const created = await createApiKey({ actor, appId: app.id, input: { label: "server" } });
    const request = { identity: "alice", device: "web1", grants: { chat: true }, ttl: 600 };

    await expect(withAuditTableRenamed(() => revokeApiKey({ actor, appId: app.id, keyId: created.keyId }))).rejects.toMatchObject(
      AUDIT_TABLE_MISSING,
    );

    const row = await (await getDb()).apiKey.findUniqueOrThrow({ where: { id: created.keyId } });
    expect(row.status).toBe("ACTIVE");
    expect(row.revokedAt).toBeNull();
    await expect(signWithKey({ appId: app.id, keyId: created.keyId, request })).resolves.toMatchObject({ keyId: created.keyId });
  });
});

describe("revocation with a warm key cache", () => {
  it("refuses the key to the very next request", async () => {
    const { actor, app } = await makeOwner("g");
    const created = await createApiKey({ actor, appId: app.id, input: { label: "server" } });
    const request = { identity: "alice", device: "web1", grants: { chat: true }, ttl: 600 };
    await signWithKey({ appId: app.id, keyId: created.keyId, request });

    await revokeApiKey({ actor, appId: app.id, keyId: created.keyId });

    await expect(signWithKey({ appId: app.id, keyId: created.keyId, request })).rejects.toMatchObject({ code: "conflict" });
  });
});
