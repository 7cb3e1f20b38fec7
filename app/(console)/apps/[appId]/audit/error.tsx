"use client";

import { RouteError } from "@/components/route-error";

export default function AuditError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The audit log could not be loaded" />;
}
