import { describe, expect, it } from "vitest";

import { AUDIT_TABLE_MISSING, withAuditTableRenamed } from "@/lib/testing/audit-table-renamed";
import { seedAppWithKey } from "@/lib/testing/seed-app-with-key";
import { readAuditEvents } from "@/lib/testing/team-fixtures";
import { useTempDatabase } from "@/lib/testing/temp-database";

import { configureDemoEndpoint } from "./configure-demo-endpoint";
import { findDemoSettings } from "./find-demo-settings";
import { getDemoEndpoint } from "./get-demo-endpoint";

useTempDatabase();

describe("configureDemoEndpoint", () => {
  it("records demo.configured with the settings", async () => {
    const { actor, appId, keyId } = await seedAppWithKey();
    const settings = { enabled: true, keyId, grants: ["chat"], ttlSeconds: 600 };

    await configureDemoEndpoint({ actor, appId, input: settings });

    expect(await getDemoEndpoint({ actor, appId })).toEqual(settings);
    const entries = await readAuditEvents(appId, "demo.configured");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: actor.id, targetType: "app", targetId: appId });
    expect(entries[0]?.details).toEqual(settings);
  });

  it("keeps the old settings when its audit entry fails", async () => {
    const { actor, appId, keyId } = await seedAppWithKey();
    const enabled = { enabled: true, keyId, grants: ["chat"], ttlSeconds: 600 };
    await configureDemoEndpoint({ actor, appId, input: enabled });

    await expect(
      withAuditTableRenamed(() => configureDemoEndpoint({ actor, appId, input: { ...enabled, enabled: false, grants: ["video"] } })),
    ).rejects.toMatchObject(AUDIT_TABLE_MISSING);

    expect(await getDemoEndpoint({ actor, appId })).toEqual(enabled);
    expect(await findDemoSettings(appId)).toEqual(enabled);
    expect(await readAuditEvents(appId, "demo.configured")).toHaveLength(1);
  });
});
