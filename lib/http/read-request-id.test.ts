import { describe, expect, it } from "vitest";

import { readRequestId } from "./read-request-id";

function withHeader(value: string | null) {
  return { header: (name: string) => (name === "x-request-id" ? value : null) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("readRequestId", () => {
  it("keeps a plain ID from a proxy", () => {
    expect(readRequestId(withHeader("lb-7f3a.42:1"))).toBe("lb-7f3a.42:1");
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["with spaces", "a b"],
    ["with a newline", "a\nlevel=fatal"],
    ["with markup", "<script>"],
    ["too long", "a".repeat(101)],
  ])("replaces a %s ID with a UUID", (_name, given) => {
    expect(readRequestId(withHeader(given))).toMatch(UUID);
  });
});
