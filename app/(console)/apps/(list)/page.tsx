import type { Metadata } from "next";
import Link from "next/link";

import { CreateAppForm } from "@/components/create-app-form";
import { listApps } from "@/lib/apps/list-apps";
import { requireUserForPage } from "@/lib/auth/current-user";

import { createAppAction } from "./actions";

export const metadata: Metadata = { title: "Apps" };

export default async function AppsPage() {
  const actor = await requireUserForPage("/apps");
  const apps = await listApps({ actor });

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Apps</h1>
        <p className="mt-1 text-sm text-slate-600">Each app has its own API keys, test tokens and demo endpoint.</p>
      </div>

      <CreateAppForm action={createAppAction} />

      {apps.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
          You have no apps yet. Create one to get its first API key.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
          {apps.map((app) => (
            <li key={app.id}>
              <Link href={`/apps/${app.id}/keys`} className="flex items-center justify-between px-4 py-3 hover:bg-slate-50">
                <span className="font-medium">{app.name}</span>
                <span className="text-sm text-slate-500">
                  {app.role.toLowerCase()} · {app.activeKeyCount} active {app.activeKeyCount === 1 ? "key" : "keys"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
