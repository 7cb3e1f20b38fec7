"use client";

import { useEffect, useState } from "react";

// Counts down to `exp` (seconds since the epoch) once a second.
export function ExpiryCountdown({ exp }: { exp: number }) {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const remaining = exp - now;

  return (
    <p data-testid="expiry-countdown" aria-live="off" className={`text-sm font-medium ${remaining > 0 ? "text-emerald-700" : "text-red-700"}`}>
      {remaining > 0 ? `Expires in ${formatDuration(remaining)}` : "Expired"}
    </p>
  );
}

function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;

  const parts = hours > 0 ? [`${hours} h`, `${minutes} min`, `${seconds} s`] : minutes > 0 ? [`${minutes} min`, `${seconds} s`] : [`${seconds} s`];
  return parts.join(" ");
}
