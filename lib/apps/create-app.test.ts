import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/get-db";
import { AUDIT_TABLE_MISSING, withAuditTableRenamed } from "@/lib/testing/audit-table-renamed";
import { createTestUser, readAuditEvents } from "@/lib/testing/team-fixtures";
import { useTempDatabase } from "@/lib/testing/temp-database";

import { createApp } from "./create-app";
import { listApps } from "./list-apps";

useTempDatabase();

describe("createApp", () => {
  it("makes the actor its owner and records app.created", async () => {
    const owner = await createTestUser("owner");

    const app = await createApp({ actor: owner, input: { name: "Billing" } });

    const membership = await (await getDb()).membership.findUniqueOrThrow({ where: { appId_userId: { appId: app.id, userId: owner.id } } });
    expect(membership.role).toBe("OWNER");
    const entries = await readAuditEvents(app.id, "app.created");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: owner.id, targetType: "app", targetId: app.id });
    expect(entries[0]?.details).toEqual({ name: "Billing" });
  });

  it("leaves no app when its audit entry fails", async () => {
    const owner = await createTestUser("owner");

    await expect(withAuditTableRenamed(() => createApp({ actor: owner, input: { name: "Rolled back" } }))).rejects.toMatchObject(
      AUDIT_TABLE_MISSING,
    );

    expect(await listApps({ actor: owner })).toEqual([]);
    expect(await (await getDb()).app.count({ where: { name: "Rolled back" } })).toBe(0);
  });
});
