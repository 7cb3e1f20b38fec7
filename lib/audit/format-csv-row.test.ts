import { describe, expect, it } from "vitest";

import { formatCsvCell, formatCsvRow } from "./format-csv-row";

describe("formatCsvCell", () => {
  it.each([
    ["plain text", "key.created", "key.created"],
    ["empty text", "", ""],
    ["a comma", "a,b", '"a,b"'],
    ["a double quote", 'say "hi"', '"say ""hi"""'],
    ["a newline", "line 1\nline 2", '"line 1\nline 2"'],
    ["a carriage return inside", "a\rb", '"a\rb"'],
    ["JSON details", '{"grants":{"chat":true},"ttl":600}', '"{""grants"":{""chat"":true},""ttl"":600}"'],
  ])("escapes %s", (_name, input, expected) => {
    expect(formatCsvCell(input)).toBe(expected);
  });

  it.each([
    ["=", "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["+", "+1+2", "'+1+2"],
    ["-", "-2+3", "'-2+3"],
    ["@", "@SUM(A1)", "'@SUM(A1)"],
    ["tab", "\t=1", "'\t=1"],
    ["carriage return", "\r=1", "\"'\r=1\""],
  ])("guards a cell starting with %s", (_name, input, expected) => {
    expect(formatCsvCell(input)).toBe(expected);
  });

  it("leaves a formula sign inside text alone", () => {
    expect(formatCsvCell("a=b")).toBe("a=b");
  });

  it.each([null, undefined])("writes %s as an empty cell", (value) => {
    expect(formatCsvCell(value)).toBe("");
  });
});

describe("formatCsvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(formatCsvRow(["a", null, "b,c", "=1"])).toBe('a,,"b,c",\'=1\r\n');
  });
});
