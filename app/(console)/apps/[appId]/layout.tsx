import type { ReactNode } from "react";

import { AppTabs } from "@/components/app-tabs";
import { requireAppForPage } from "@/lib/permissions/require-app-for-page";

export default async function AppLayout({ children, params }: { children: ReactNode; params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const { app, role } = await requireAppForPage({ appId, path: `/apps/${appId}` });

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{app.name}</h1>
        <p className="text-sm text-slate-500">
          App ID <code className="font-mono">{app.id}</code> · your role: {role.toLowerCase()}
        </p>
      </div>
      <AppTabs appId={app.id} />
      {children}
    </div>
  );
}
