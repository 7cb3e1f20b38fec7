"use client";

import { RouteError } from "@/components/route-error";

export default function AppsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="Your apps could not be loaded" />;
}
