import type { Metadata } from "next";

import { LocalTime } from "@/components/local-time";
import { AppSettingsForm } from "@/components/settings/app-settings-form";
import { getAppSettings } from "@/lib/apps/get-app-settings";
import { roleAllows } from "@/lib/permissions/permissions";
import { requireAppForPage } from "@/lib/permissions/require-app-for-page";

import { updateAppSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const { actor, role } = await requireAppForPage({ appId, path: `/apps/${appId}/settings` });
  const settings = await getAppSettings({ actor, appId });

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h2 className="text-lg font-semibold">Settings</h2>
        <p className="text-sm text-slate-600">
          Created <LocalTime value={settings.createdAt} />.
        </p>
      </div>

      {roleAllows(role, "settings.update") ? (
        <AppSettingsForm action={updateAppSettingsAction.bind(null, appId)} name={settings.name} auditRetentionDays={settings.auditRetentionDays} />
      ) : (
        <dl className="max-w-md space-y-3 text-sm">
          <div>
            <dt className="font-medium text-slate-700">App name</dt>
            <dd>{settings.name}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">Audit entries kept for</dt>
            <dd>{settings.auditRetentionDays} days</dd>
          </div>
          <p className="text-slate-500">Only app owners can change these settings.</p>
        </dl>
      )}
    </div>
  );
}
