import { describe, expect, it } from "vitest";

import { MAX_OVERLAP_SECONDS, resolveOverlapSeconds, toDateTimeLocalValue } from "./rotation-overlap";

const now = new Date(2026, 4, 1, 12, 0, 0);

function localValueAfter(seconds: number): string {
  return toDateTimeLocalValue(new Date(now.getTime() + seconds * 1000));
}

describe("resolveOverlapSeconds", () => {
  it.each([
    ["now", 0],
    ["1h", 3600],
    ["24h", 86_400],
    ["7d", 604_800],
  ] as const)("preset %s gives %i seconds", (choice, seconds) => {
    expect(resolveOverlapSeconds(choice, "", now)).toEqual({ ok: true, seconds });
  });

  it("custom end two hours ahead", () => {
    expect(resolveOverlapSeconds("custom", localValueAfter(7200), now)).toEqual({ ok: true, seconds: 7200 });
  });

  it("custom end at 30 days exactly", () => {
    expect(resolveOverlapSeconds("custom", localValueAfter(MAX_OVERLAP_SECONDS), now)).toEqual({ ok: true, seconds: MAX_OVERLAP_SECONDS });
  });

  it("custom end past 30 days", () => {
    const result = resolveOverlapSeconds("custom", localValueAfter(MAX_OVERLAP_SECONDS + 60), now);

    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ message: expect.stringMatching(/at most 30 days: pick a time up to 2026-05-31 12:00/) });
  });

  it.each([
    ["empty", "", /pick the date and time/],
    ["in the past", "2026-05-01T11:59", /must be in the future/],
    ["equal to now", "2026-05-01T12:00", /must be in the future/],
    ["not a date", "tomorrow", /'tomorrow' is not a valid date and time/],
    ["impossible day", "2026-02-30T10:00", /not a valid date and time/],
  ])("custom end %s is rejected", (_case, value, message) => {
    const result = resolveOverlapSeconds("custom", value, now);

    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ message: expect.stringMatching(message) });
  });
});

describe("toDateTimeLocalValue", () => {
  it("pads to the minute in local time", () => {
    expect(toDateTimeLocalValue(new Date(2026, 0, 2, 3, 4, 59))).toBe("2026-01-02T03:04");
  });
});
