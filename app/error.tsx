"use client";

import { RouteError } from "@/components/route-error";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="Something went wrong" />;
}
