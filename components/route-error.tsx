"use client";

import { Button } from "@/components/ui/button";

// The body of every error.tsx boundary. It never shows the error's message:
// in production Next.js replaces server errors with a generic text anyway,
// and a client error's text may be technical or contain data. The digest
// matches the server log entry, so it is shown as a reference to quote.
export function RouteError({ error, retry, title = "Something went wrong" }: { error: unknown; retry: () => void; title?: string }) {
  const digest = readDigest(error);

  return (
    <div role="alert" className="mx-auto max-w-lg space-y-4 rounded-lg bg-white p-8 text-center ring-1 ring-slate-200">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="text-sm text-slate-600">This page could not be loaded. Try again, and if it keeps failing, ask your console administrator to check the server log.</p>
      {digest ? (
        <p className="text-xs text-slate-500">
          Reference: <code className="font-mono">{digest}</code>
        </p>
      ) : null}
      <Button type="button" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}

function readDigest(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) {
    return null;
  }

  const { digest } = error as { digest: unknown };
  return typeof digest === "string" && digest !== "" ? digest : null;
}
