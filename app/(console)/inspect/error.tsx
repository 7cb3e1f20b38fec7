"use client";

import { RouteError } from "@/components/route-error";

export default function InspectError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The token inspector could not be loaded" />;
}
