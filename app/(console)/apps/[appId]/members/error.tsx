"use client";

import { RouteError } from "@/components/route-error";

export default function MembersError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The members could not be loaded" />;
}
