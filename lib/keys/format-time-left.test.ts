import { describe, expect, it } from "vitest";

import { formatTimeLeft } from "./format-time-left";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatTimeLeft", () => {
  it.each([
    [0, "less than 1 min"],
    [59 * SECOND, "less than 1 min"],
    [MINUTE, "1 min"],
    [HOUR - SECOND, "59 min"],
    [HOUR, "1 h"],
    [HOUR + 5 * MINUTE, "1 h 5 min"],
    [DAY - SECOND, "23 h 59 min"],
    [DAY, "1 day"],
    [7 * DAY - SECOND, "6 days 23 h"],
    [30 * DAY, "30 days"],
  ])("%i ms reads %s", (milliseconds, text) => {
    expect(formatTimeLeft(milliseconds)).toBe(text);
  });

  it("negative time reads less than 1 min", () => {
    expect(formatTimeLeft(-5 * MINUTE)).toBe("less than 1 min");
  });
});
