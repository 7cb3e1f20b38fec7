import { describe, expect, it } from "vitest";

import { AUDIT_TABLE_MISSING, withAuditTableRenamed } from "@/lib/testing/audit-table-renamed";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createTestApp, createTestUser, readAuditEvents } from "@/lib/testing/team-fixtures";

import { getAppSettings } from "./get-app-settings";
import { updateAppSettings } from "./update-app-settings";

useTempDatabase();

async function ownedApp() {
  const owner = await createTestUser("owner");
  const appId = await createTestApp(owner);
  const { name } = await getAppSettings({ actor: owner, appId });
  return { owner, appId, name };
}

describe("updateAppSettings", () => {
  it("keeps 90 days by default", async () => {
    const { owner, appId } = await ownedApp();

    expect(await getAppSettings({ actor: owner, appId })).toMatchObject({ auditRetentionDays: 90 });
  });

  it("stores a new retention from form text", async () => {
    const { owner, appId, name } = await ownedApp();

    await updateAppSettings({ actor: owner, appId, input: { name, auditRetentionDays: "30" } });

    expect(await getAppSettings({ actor: owner, appId })).toMatchObject({ auditRetentionDays: 30 });
  });

  it("records each changed setting", async () => {
    const { owner, appId, name } = await ownedApp();

    await updateAppSettings({ actor: owner, appId, input: { name: "Renamed", auditRetentionDays: 365 } });

    const [entry] = await readAuditEvents(appId, "app.settings_updated");
    expect(entry).toMatchObject({ actorUserId: owner.id, targetType: "app", targetId: appId });
    expect(entry?.details).toEqual({ changes: { name: { from: name, to: "Renamed" }, auditRetentionDays: { from: 90, to: 365 } } });
  });

  it("keeps the old settings when its audit entry fails", async () => {
    const { owner, appId, name } = await ownedApp();

    await expect(
      withAuditTableRenamed(() => updateAppSettings({ actor: owner, appId, input: { name: "Renamed", auditRetentionDays: 365 } })),
    ).rejects.toMatchObject(AUDIT_TABLE_MISSING);

    expect(await getAppSettings({ actor: owner, appId })).toMatchObject({ name, auditRetentionDays: 90 });
  });

  it("records nothing when nothing changed", async () => {
    const { owner, appId, name } = await ownedApp();

    await updateAppSettings({ actor: owner, appId, input: { name, auditRetentionDays: 90 } });

    expect(await readAuditEvents(appId, "app.settings_updated")).toHaveLength(0);
  });

  it.each([0, 3651, -5, 1.5, "abc", "", null])("rejects retention %j", async (auditRetentionDays) => {
    const { owner, appId, name } = await ownedApp();

    await expect(updateAppSettings({ actor: owner, appId, input: { name, auditRetentionDays } })).rejects.toMatchObject({
      code: "invalid_input",
      field: "auditRetentionDays",
      message: "audit retention must be a whole number of days from 1 to 3650",
    });
  });

  it.each([1, 3650])("accepts retention %d", async (auditRetentionDays) => {
    const { owner, appId, name } = await ownedApp();

    await expect(updateAppSettings({ actor: owner, appId, input: { name, auditRetentionDays } })).resolves.toMatchObject({ auditRetentionDays });
  });
});
