"use client";

import "./globals.css";

import { RouteError } from "@/components/route-error";

// Replaces the root layout when it fails, so it renders its own document.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen items-center justify-center bg-slate-50 px-4 font-sans text-slate-900">
        <title>Error · Bit6 Console</title>
        <RouteError error={error} retry={retry} title="The console could not be loaded" />
      </body>
    </html>
  );
}
