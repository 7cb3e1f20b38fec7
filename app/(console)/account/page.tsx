import type { Metadata } from "next";
import Link from "next/link";

import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Button } from "@/components/ui/button";
import { listApps } from "@/lib/apps/list-apps";
import { requireUserForPage } from "@/lib/auth/current-user";

import { changePasswordAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUserForPage("/account");
  const passwordChanged = (await searchParams).passwordChanged === "1";
  const apps = await listApps({ actor });

  return (
    <div className="space-y-10">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Account</h1>
        <p className="text-sm text-slate-600">
          Signed in as <strong>{actor.email}</strong>
          {actor.name ? ` (${actor.name})` : null}. Sessions end after 12 hours without activity.
        </p>
      </div>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Your apps</h2>
        {apps.length === 0 ? (
          <p className="text-sm text-slate-600">You are not a member of any app yet.</p>
        ) : (
          <table className="w-full max-w-2xl divide-y divide-slate-200 rounded-lg bg-white text-sm ring-1 ring-slate-200">
            <thead className="text-left text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  App
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Your role
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {apps.map((app) => (
                <tr key={app.id} data-testid="account-app-row">
                  <td className="px-4 py-2">
                    <Link href={`/apps/${app.id}/keys`} className="font-medium text-indigo-600">
                      {app.name}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{app.role.toLowerCase()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Change password</h2>
        {passwordChanged ? (
          <p role="status" className="max-w-md rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
            Password changed. Every other browser was signed out; this one stays signed in.
          </p>
        ) : null}
        <ChangePasswordForm action={changePasswordAction} />
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Sign out everywhere</h2>
        <p className="max-w-xl text-sm text-slate-600">
          Ends every session of your account in every browser, this one included. Use it when you signed in on a computer you no longer control.
        </p>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="danger">
            Sign out everywhere
          </Button>
        </form>
      </section>
    </div>
  );
}
