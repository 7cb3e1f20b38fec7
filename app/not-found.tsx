import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

// Non-members of an app land here too, so the text never reveals whether
// the app exists.
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md space-y-4 rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
        <p className="text-sm font-semibold text-indigo-600">404</p>
        <h1 className="text-xl font-semibold">Page not found</h1>
        <p className="text-sm text-slate-600">
          There is nothing at this address, or it belongs to an app you are not a member of. Check the link, or ask the app&apos;s owner to add you.
        </p>
        <Link href="/apps" className="inline-block text-sm font-semibold text-indigo-600">
          Go to your apps
        </Link>
      </div>
    </main>
  );
}
