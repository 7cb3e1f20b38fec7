"use client";

import { RouteError } from "@/components/route-error";

export default function KeysError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The keys could not be loaded" />;
}
