import Link from "next/link";

// Shown when a page under an app calls notFound(), such as for a key that
// does not belong to the app.
export default function AppNotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-3 rounded-lg bg-white p-8 text-center ring-1 ring-slate-200">
      <h2 className="text-lg font-semibold">Not found</h2>
      <p className="text-sm text-slate-600">This page of the app does not exist, or you are not a member of the app.</p>
      <Link href="/apps" className="text-sm font-semibold text-indigo-600">
        Back to your apps
      </Link>
    </div>
  );
}
