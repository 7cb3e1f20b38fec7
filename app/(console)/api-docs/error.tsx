"use client";

import { RouteError } from "@/components/route-error";

export default function ApiDocsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The token API documentation could not be loaded" />;
}
