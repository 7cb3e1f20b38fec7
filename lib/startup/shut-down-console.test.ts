import { describe, expect, it } from "vitest";

import { createApp } from "@/lib/apps/create-app";
import { queueAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/get-db";
import { checkReadiness } from "@/lib/health/check-readiness";
import { createApiKey } from "@/lib/keys/create-api-key";
import { recordKeyUse } from "@/lib/keys/usage-recorder";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createUser } from "@/lib/users/create-user";

import { isShuttingDown, shutDownConsole } from "./shut-down-console";

useTempDatabase();

describe("shutDownConsole", () => {
  it("writes queued events and usage, then reports not ready", async () => {
    const user = await createUser({ email: "shutdown@example.test", password: "correct horse battery" });
    const actor = { ...user, name: null };
    const app = await createApp({ actor, input: { name: "Shutdown" } });
    const key = await createApiKey({ actor, appId: app.id, input: { label: "server" } });
    queueAuditEvent({
      appId: app.id,
      actor: { type: "ANONYMOUS", label: "demo" },
      action: "token.demo_minted",
      context: { ip: "127.0.0.1", userAgent: "test" },
    });
    recordKeyUse(key.keyId, "sign");

    await shutDownConsole();

    expect(isShuttingDown()).toBe(true);
    expect(await checkReadiness()).toEqual({ ready: false, reason: "the console is shutting down" });
    // getDb opens the database again, which the closed pool no longer serves.
    const db = await getDb();
    expect(await db.auditEvent.count({ where: { appId: app.id, action: "token.demo_minted" } })).toBe(1);
    const usage = await db.keyUsage.findMany({ where: { keyId: key.keyId } });
    expect(usage.map((row) => row.tokenCount)).toEqual([1]);
  });
});
