"use client";

import { RouteError } from "@/components/route-error";

export default function MintError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The mint form could not be loaded" />;
}
