"use client";

import { RouteError } from "@/components/route-error";

export default function DemoError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The demo endpoint settings could not be loaded" />;
}
