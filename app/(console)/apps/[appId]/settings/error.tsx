"use client";

import { RouteError } from "@/components/route-error";

export default function SettingsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The settings could not be loaded" />;
}
