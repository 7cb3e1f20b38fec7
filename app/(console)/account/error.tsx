"use client";

import { RouteError } from "@/components/route-error";

export default function AccountError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="Your account could not be loaded" />;
}
