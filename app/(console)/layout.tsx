import Link from "next/link";
import type { ReactNode } from "react";

import { requireUserForPage } from "@/lib/auth/current-user";

import { signOutAction } from "../(auth)/actions";

// Every page under (console) needs a session. Each page and action checks it
// again itself, because a layout does not run for server actions.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUserForPage("/apps");

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-6 py-3">
          <Link href="/apps" className="font-bold tracking-tight">
            Bit6 Console
          </Link>
          <Link href="/apps" className="text-sm text-slate-600 hover:text-slate-900">
            Apps
          </Link>
          <Link href="/inspect" className="text-sm text-slate-600 hover:text-slate-900">
            Inspect a token
          </Link>
          <Link href="/api-docs" className="text-sm text-slate-600 hover:text-slate-900">
            Token API
          </Link>
          <div className="ml-auto flex items-center gap-3 text-sm text-slate-600">
            <span data-testid="signed-in-email">{user.email}</span>
            <form action={signOutAction}>
              <button type="submit" className="font-semibold text-slate-700 hover:text-slate-900">
                Sign out
              </button>
            </form>
          </div>
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
