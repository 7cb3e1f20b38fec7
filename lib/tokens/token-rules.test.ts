import { describe, expect, it } from "vitest";
import * as z from "zod";

import {
  deviceSchema,
  findTtlProblem,
  identitySchema,
  listFieldErrors,
  mintRequestSchema,
  parseMintForm,
  parseMintRequest,
  TTL_DEFAULT_SECONDS,
  ttlSchema,
  type FieldError,
  type MintRequest,
  type MintRequestResult,
} from "./token-rules";

const TTL_TYPE = "ttl must be an integer number of seconds";
const TTL_RANGE = "ttl must be from 60 to 86400 seconds";

function firstMessage(schema: typeof identitySchema | typeof ttlSchema, input: unknown): string | undefined {
  const parsed = schema.safeParse(input);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

function expectRequest(result: MintRequestResult): MintRequest {
  if (!result.ok) {
    throw new Error(`expected a valid request, got errors ${JSON.stringify(result.errors)}`);
  }
  return result.request;
}

function expectZodError<T>(parsed: z.ZodSafeParseResult<T>): z.ZodError {
  if (parsed.success) {
    throw new Error(`expected a ZodError, got ${JSON.stringify(parsed.data)}`);
  }
  return parsed.error;
}

function expectErrors(result: MintRequestResult): FieldError[] {
  if (result.ok) {
    throw new Error(`expected field errors, got request ${JSON.stringify(result.request)}`);
  }
  return result.errors;
}

const validBody = { identity: "alice", device: "web1", grants: { chat: true }, ttl: 600 };

const badSubjects: { input: unknown; message: (field: string) => string }[] = [
  { input: undefined, message: (field) => `${field} is required` },
  { input: "", message: (field) => `${field} is required` },
  { input: "   ", message: (field) => `${field} must not be blank` },
  { input: "a/b", message: (field) => `${field} must not contain '/' (got "a/b"): it separates identity from device in sub` },
  { input: "alice\n", message: (field) => `${field} must not contain control characters (found U+000A)` },
  { input: "ali\u0000ce", message: (field) => `${field} must not contain control characters (found U+0000)` },
  { input: "ali\u007fce", message: (field) => `${field} must not contain control characters (found U+007F)` },
  { input: "x".repeat(129), message: (field) => `${field} must be at most 128 characters, got 129` },
  { input: "😀".repeat(129), message: (field) => `${field} must be at most 128 characters, got 129` },
  { input: "ali\uD800ce", message: (field) => `${field} must be valid Unicode text (found an unpaired surrogate)` },
  { input: " alice", message: (field) => `${field} must not start or end with whitespace (got " alice")` },
  { input: 42, message: (field) => `${field} must be a string` },
];

const goodSubjects = [
  "usr:alice",
  "ops+qa@example.test",
  "zoë-ünïcødé",
  "平板",
  "alice 👩‍💻",
  "x".repeat(128),
  "😀".repeat(128),
];

describe("identitySchema and deviceSchema", () => {
  for (const [field, schema] of [
    ["identity", identitySchema],
    ["device", deviceSchema],
  ] as const) {
    it.each(badSubjects)(`${field}Schema rejects %j`, ({ input, message }) => {
      const expected = message(field);

      expect(firstMessage(schema, input)).toBe(expected);
      expect(expected.startsWith(field)).toBe(true);
    });

    it.each(goodSubjects)(`${field}Schema accepts %s`, (input) => {
      expect(schema.safeParse(input)).toEqual({ success: true, data: input });
    });
  }
});

describe("ttlSchema", () => {
  it.each([
    { ttl: "3600", message: TTL_TYPE },
    { ttl: 3600.5, message: TTL_TYPE },
    { ttl: null, message: TTL_TYPE },
    { ttl: Number.NaN, message: TTL_TYPE },
    { ttl: Number.POSITIVE_INFINITY, message: TTL_TYPE },
    { ttl: 0, message: `${TTL_RANGE}, got ${0}` },
    { ttl: -5, message: `${TTL_RANGE}, got ${-5}` },
    { ttl: 59, message: `${TTL_RANGE}, got ${59}` },
    { ttl: 86401, message: `${TTL_RANGE}, got ${86401}` },
    { ttl: 1e9, message: `${TTL_RANGE}, got ${1e9}` },
  ])("ttlSchema rejects $ttl", ({ ttl, message }) => {
    expect(firstMessage(ttlSchema, ttl)).toBe(message);
    expect(message.startsWith("ttl ")).toBe(true);
  });

  it.each([60, 3600, 86400])("ttlSchema accepts %d", (ttl) => {
    expect(ttlSchema.safeParse(ttl)).toEqual({ success: true, data: ttl });
  });

  it("findTtlProblem rejects a bigint", () => {
    expect(findTtlProblem(3600n)).toBe(TTL_TYPE);
  });
});

describe("parseMintRequest", () => {
  it("parseMintRequest accepts a full body", () => {
    expect(parseMintRequest(validBody)).toEqual({ ok: true, request: validBody });
  });

  it("parseMintRequest defaults missing ttl", () => {
    const result = parseMintRequest({ identity: "alice", device: "web1", grants: {} });

    expect(result).toEqual({ ok: true, request: { identity: "alice", device: "web1", grants: {}, ttl: TTL_DEFAULT_SECONDS } });
  });

  it("parseMintRequest defaults missing grants", () => {
    const result = parseMintRequest({ identity: "alice", device: "web1" });

    expect(result).toEqual({ ok: true, request: { identity: "alice", device: "web1", grants: {}, ttl: 3600 } });
  });

  it("parseMintRequest rejects ttl string", () => {
    expect(expectErrors(parseMintRequest({ ...validBody, ttl: "3600" }))).toEqual([{ field: "ttl", message: TTL_TYPE }]);
  });

  it.each([0, -5, 59, 86401, 1e9])("parseMintRequest rejects ttl %d", (ttl) => {
    expect(expectErrors(parseMintRequest({ ...validBody, ttl }))).toEqual([{ field: "ttl", message: `${TTL_RANGE}, got ${ttl}` }]);
  });

  it("parseMintRequest rejects fractional ttl", () => {
    expect(expectErrors(parseMintRequest({ ...validBody, ttl: 3600.5 }))).toEqual([{ field: "ttl", message: TTL_TYPE }]);
  });

  it("parseMintRequest names missing device", () => {
    const { device: _device, ...body } = validBody;

    expect(expectErrors(parseMintRequest(body))).toEqual([{ field: "device", message: "device is required" }]);
  });

  it.each([
    { grants: { Chat: true }, message: "unknown grant 'Chat': use one of chat, push, signal, video" },
    { grants: { chat: "true" }, message: `grant 'chat' must be true or false, got "true"` },
    { grants: { chat: 1 }, message: "grant 'chat' must be true or false, got 1" },
    { grants: { admin: true }, message: "unknown grant 'admin': use one of chat, push, signal, video" },
  ])("parseMintRequest rejects grants $grants", ({ grants, message }) => {
    expect(expectErrors(parseMintRequest({ ...validBody, grants }))).toEqual([{ field: "grants", message }]);
  });

  it("parseMintRequest lists every bad field", () => {
    const errors = expectErrors(parseMintRequest({ identity: "a/b", device: "", grants: { admin: true }, ttl: 0 }));

    expect(errors.map((error) => error.field)).toEqual(["identity", "device", "grants", "ttl"]);
  });

  it.each([null, [], "identity=alice", 42])("parseMintRequest rejects body %j", (body) => {
    expect(expectErrors(parseMintRequest(body))).toEqual([
      { field: "request", message: "the request must be a JSON object with identity, device, grants and ttl" },
    ]);
  });

  it("parseMintRequest drops unknown fields", () => {
    const result = parseMintRequest({ ...validBody, exp: 1, iss: "someone-else" });

    expect(result).toEqual({ ok: true, request: validBody });
  });
});

describe("parseMintForm", () => {
  const form = { identity: "alice", device: "web1", grants: "chat,video" };

  it("parseMintForm reads ttl text as seconds", () => {
    expect(parseMintForm({ ...form, ttl: "3600" })).toEqual({
      ok: true,
      request: { identity: "alice", device: "web1", grants: { chat: true, video: true }, ttl: 3600 },
    });
  });

  it("parseMintForm trims ttl text", () => {
    expect(expectRequest(parseMintForm({ ...form, ttl: " 120 " })).ttl).toBe(120);
  });

  it.each([undefined, "", "  "])("parseMintForm defaults ttl %j", (ttl) => {
    expect(expectRequest(parseMintForm({ ...form, ttl })).ttl).toBe(3600);
  });

  it.each([
    { ttl: "3600.5", message: TTL_TYPE },
    { ttl: "1e9", message: TTL_TYPE },
    { ttl: "one hour", message: TTL_TYPE },
    { ttl: "0", message: `${TTL_RANGE}, got ${Number("0")}` },
    { ttl: "-5", message: `${TTL_RANGE}, got ${Number("-5")}` },
    { ttl: "59", message: `${TTL_RANGE}, got ${Number("59")}` },
    { ttl: "86401", message: `${TTL_RANGE}, got ${Number("86401")}` },
    { ttl: "99999999999999999999", message: `${TTL_RANGE}, got ${Number("99999999999999999999")}` },
  ])("parseMintForm rejects ttl $ttl", ({ ttl, message }) => {
    expect(expectErrors(parseMintForm({ ...form, ttl }))).toEqual([{ field: "ttl", message }]);
  });

  it("parseMintForm treats empty grants as none", () => {
    expect(expectRequest(parseMintForm({ ...form, grants: "" })).grants).toEqual({});
  });

  it("parseMintForm names missing identity", () => {
    expect(expectErrors(parseMintForm({ device: "web1" }))).toEqual([{ field: "identity", message: "identity is required" }]);
  });
});

describe("listFieldErrors", () => {
  it("listFieldErrors joins nested paths", () => {
    const parsed = z.object({ app: z.object({ name: z.string({ error: "app name is required" }) }) }).safeParse({ app: {} });

    expect(listFieldErrors(expectZodError(parsed))).toEqual([{ field: "app.name", message: "app name is required" }]);
  });

  it("listFieldErrors names the field", () => {
    const parsed = mintRequestSchema.safeParse({ ...validBody, identity: 7 });

    expect(listFieldErrors(expectZodError(parsed))).toEqual([{ field: "identity", message: "identity must be a string" }]);
  });
});
