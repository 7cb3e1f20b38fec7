import { describe, expect, it } from "vitest";

import { readRestrictionsForm } from "./restrictions-form";

describe("readRestrictionsForm", () => {
  it("empty form lifts every restriction", () => {
    expect(readRestrictionsForm({ allowedGrants: [], maxTtlSeconds: "  ", allowedOrigins: "" })).toEqual({
      allowedGrants: [],
      maxTtlSeconds: null,
      allowedOrigins: [],
    });
  });

  it("whole number ttl becomes a number", () => {
    expect(readRestrictionsForm({ allowedGrants: [], maxTtlSeconds: " 300 " }).maxTtlSeconds).toBe(300);
  });

  it.each(["1.5", "-60", "abc", "1e3"])("ttl %s stays text for the schema", (text) => {
    expect(readRestrictionsForm({ allowedGrants: [], maxTtlSeconds: text }).maxTtlSeconds).toBe(text);
  });

  it("origins split by line without blanks", () => {
    const fields = { allowedGrants: ["chat"], allowedOrigins: " https://a.example.test \r\n\n https://b.example.test:8443\n" };

    expect(readRestrictionsForm(fields).allowedOrigins).toEqual(["https://a.example.test", "https://b.example.test:8443"]);
  });

  it("grants pass through unchanged", () => {
    expect(readRestrictionsForm({ allowedGrants: ["chat", "video"] }).allowedGrants).toEqual(["chat", "video"]);
  });
});
