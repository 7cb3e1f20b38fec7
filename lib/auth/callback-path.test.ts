import { describe, expect, it } from "vitest";

import { safeCallbackPath } from "./callback-path";

describe("safeCallbackPath", () => {
  it.each([
    ["/apps/abc/keys", "/apps/abc/keys"],
    ["/inspect?x=1#top", "/inspect?x=1#top"],
  ])("keeps the relative path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    ["absolute URL", "https://evil.example/apps"],
    ["protocol-relative", "//evil.example/apps"],
    ["backslash trick", "/\\evil.example"],
    ["javascript scheme", "javascript:alert(1)"],
    ["encoded newline", "/apps\n//evil.example"],
    ["empty", ""],
    ["not a string", ["/apps"]],
  ])("falls back to /apps for %s", (_name, input) => {
    expect(safeCallbackPath(input)).toBe("/apps");
  });
});
