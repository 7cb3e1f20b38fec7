"use client";

import { useSyncExternalStore } from "react";

const LOCAL_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

// Formats a time in the browser's time zone, with the UTC ISO time as its
// title. The server does not know the reader's time zone, so server
// rendering and hydration show the UTC time and the browser swaps in the
// local time right after.
export function LocalTime({ value }: { value: Date | string | number }) {
  const date = new Date(value);
  const isBrowser = useIsBrowser();

  if (Number.isNaN(date.getTime())) {
    return <span>invalid date</span>;
  }

  const iso = date.toISOString();
  return (
    <time dateTime={iso} title={`UTC: ${iso}`}>
      {isBrowser ? LOCAL_FORMAT.format(date) : iso}
    </time>
  );
}

// Formats a time in the browser's time zone. Call it only after hydration,
// because the server's time zone differs from the reader's.
export function formatLocalDateTime(date: Date): string {
  return LOCAL_FORMAT.format(date);
}

// Formats seconds since the epoch as local time and UTC side by side, for
// token claims. Returns the raw value when it is no valid time.
export function formatLocalAndUtc(seconds: number): { local: string; utc: string } | null {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) {
    return null;
  }

  return { local: LOCAL_FORMAT.format(date), utc: date.toISOString().replace(".000Z", "Z") };
}

function subscribeToNothing(): () => void {
  return () => {};
}

function useIsBrowser(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
