"use client";

import { RouteError } from "@/components/route-error";

export default function InvitationError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The invitation could not be loaded" />;
}
