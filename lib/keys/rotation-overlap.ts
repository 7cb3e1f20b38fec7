// The overlap window of a rotation: how long the old key keeps signing and
// verifying after its successor is created. This module has no server-only
// import, so the rotate dialog validates with the same limits as the server.

export const MAX_OVERLAP_SECONDS = 30 * 24 * 60 * 60;

// The overlap presets the console offers, in seconds. "now" ends the old key
// at once.
export const OVERLAP_PRESETS = { now: 0, "1h": 3600, "24h": 86_400, "7d": 604_800 } as const;

export type OverlapPreset = keyof typeof OVERLAP_PRESETS;

export const CUSTOM_OVERLAP = "custom";

export type OverlapChoice = OverlapPreset | typeof CUSTOM_OVERLAP;

export type OverlapResult = { ok: true; seconds: number } | { ok: false; message: string };

// Converts the rotate dialog's choice to overlap seconds. `customEnd` is a
// datetime-local value ("2026-05-01T14:30"), which has no time zone and is
// read in the local time zone, as the browser showed it.
export function resolveOverlapSeconds(choice: OverlapChoice, customEnd: string, now: Date = new Date()): OverlapResult {
  if (choice !== CUSTOM_OVERLAP) {
    return { ok: true, seconds: OVERLAP_PRESETS[choice] };
  }

  if (customEnd.trim() === "") {
    return { ok: false, message: "pick the date and time when the old key should stop working" };
  }

  const end = parseLocalDateTime(customEnd);
  if (end === null) {
    return { ok: false, message: `'${customEnd}' is not a valid date and time: use the date picker` };
  }

  const seconds = Math.floor((end.getTime() - now.getTime()) / 1000);
  if (seconds <= 0) {
    return { ok: false, message: "the old key's end must be in the future: pick Now to stop it at once" };
  }
  if (seconds > MAX_OVERLAP_SECONDS) {
    return { ok: false, message: `the overlap can be at most 30 days: pick a time up to ${toDateTimeLocalValue(latestOverlapEnd(now)).replace("T", " ")}` };
  }

  return { ok: true, seconds };
}

// The latest end a custom overlap may have, rounded down to the minute that
// a datetime-local input can show.
export function latestOverlapEnd(now: Date = new Date()): Date {
  const latest = new Date(now.getTime() + MAX_OVERLAP_SECONDS * 1000);
  latest.setSeconds(0, 0);
  return latest;
}

// Formats a date as a datetime-local value in the local time zone, to the
// minute.
export function toDateTimeLocalValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// Parses "YYYY-MM-DDTHH:mm" (seconds optional) as local time. Rejects other
// shapes and impossible dates such as February 30, which Date would roll over.
function parseLocalDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) {
    return null;
  }

  const [year = 0, month = 0, day = 0, hours = 0, minutes = 0] = match.slice(1, 6).map(Number);
  const date = new Date(year, month - 1, day, hours, minutes, Number(match[6] ?? 0));
  const sameFields = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day && date.getHours() === hours && date.getMinutes() === minutes;
  return sameFields ? date : null;
}
