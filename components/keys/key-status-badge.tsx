"use client";

import { useEffect, useState } from "react";

import { formatLocalDateTime } from "@/components/local-time";
import type { KeyStatus } from "@/lib/generated/prisma/enums";
import { formatTimeLeft } from "@/lib/keys/format-time-left";
import { effectiveKeyStatus, type EffectiveKeyStatus } from "@/lib/keys/key-status";

const REFRESH_MS = 15_000;

const BADGE_CLASSES: Record<EffectiveKeyStatus, string> = {
  active: "bg-emerald-50 text-emerald-700",
  expiring: "bg-amber-50 text-amber-800",
  revoked: "bg-slate-100 text-slate-600",
  expired: "bg-slate-100 text-slate-600",
};

// A key's status, with the time left of an expiring key counting down. The
// first render uses the server's render time, so the server HTML and
// hydration agree. The browser's clock takes over right after.
export function KeyStatusBadge({ status, expiresAt, renderedAt }: { status: KeyStatus; expiresAt: Date | null; renderedAt: number }) {
  const [browserNow, setBrowserNow] = useState<number | null>(null);

  useEffect(() => {
    const tick = () => setBrowserNow(Date.now());
    tick();
    const timer = window.setInterval(tick, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  const now = browserNow ?? renderedAt;
  const effective = effectiveKeyStatus({ status, expiresAt }, new Date(now));
  let endTime: string | null = null;
  if (expiresAt) {
    // UTC until hydration is over, because the server cannot know the
    // reader's time zone.
    endTime = browserNow === null ? expiresAt.toISOString() : formatLocalDateTime(expiresAt);
  }

  return (
    <span
      data-testid="key-status"
      data-status={effective}
      title={describeEnd(effective, endTime)}
      className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${BADGE_CLASSES[effective]}`}
    >
      {statusText(effective, expiresAt, now)}
    </span>
  );
}

function statusText(status: EffectiveKeyStatus, expiresAt: Date | null, now: number): string {
  switch (status) {
    case "active":
      return "Active";
    case "expiring":
      return `Expiring in ${formatTimeLeft((expiresAt?.getTime() ?? now) - now)}`;
    case "revoked":
      return "Revoked";
    case "expired":
      return "Expired";
  }
}

function describeEnd(status: EffectiveKeyStatus, endTime: string | null): string | undefined {
  if (endTime === null) {
    return undefined;
  }
  if (status === "expiring") {
    return `Stops signing and verifying at ${endTime}`;
  }
  return status === "expired" ? `Stopped working at ${endTime}` : undefined;
}
