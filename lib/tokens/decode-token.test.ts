import { afterEach, describe, expect, it, vi } from "vitest";

import { decodeToken, describeTime, normalizeTokenInput, type DecodedToken, type DecodeResult } from "./decode-token";
import { encodeSegment, forgeTestToken } from "./forge-test-token";
import { firstValidVector, splitTestToken, testVectors } from "./test-vectors";

const { clock, key } = testVectors;
const first = firstValidVector;
const T = first.token;
const [H, P, S] = splitTestToken(T);

afterEach(() => {
  vi.restoreAllMocks();
});

function decodeOk(raw: unknown): DecodedToken {
  const decoded = decodeToken(raw, { now: clock });
  if (!decoded.ok) {
    throw new Error(`expected the token to decode, got: ${decoded.message}`);
  }
  return decoded;
}

function decodeMessage(raw: unknown): string {
  const decoded: DecodeResult = decodeToken(raw, { now: clock });
  if (decoded.ok) {
    throw new Error(`expected the token to be malformed, but it decoded to ${JSON.stringify(decoded.payload)}`);
  }
  expect(decoded.verdict).toBe("malformed");
  return decoded.message;
}

function withPayload(payload: object | string, header: object = first.header): string {
  return forgeTestToken({ header, payload, secret: key.secret });
}

describe("decodeToken paste forms", () => {
  it("vectors file has 4 paste forms", () => {
    expect(testVectors.pasteForms.forms).toHaveLength(4);
  });

  it.each(testVectors.pasteForms.forms)("decodeToken reads paste form %j", (form) => {
    const decoded = decodeOk(form);

    expect(decoded.token).toBe(T);
    expect(decoded.header).toEqual(first.header);
    expect(decoded.payload).toEqual(first.claims);
    expect(decoded.notes.length).toBeGreaterThan(0);
  });

  it("decodeToken adds no note to a clean token", () => {
    const decoded = decodeOk(T);

    expect(decoded.notes).toEqual([]);
    expect(decoded.segments).toEqual({ header: H, payload: P, signature: S });
  });
});

describe("decodeToken whitespace and prefixes", () => {
  it.each([`  ${T}\r\n`, `\t${T}`, `\u00a0${T} `])("decodeToken trims %j", (raw) => {
    expect(decodeOk(raw).notes).toEqual(["whitespace was trimmed"]);
  });

  it.each([
    { raw: `Bearer ${T}`, notes: ["the 'Bearer' prefix was removed"] },
    { raw: `bearer ${T}`, notes: ["the 'Bearer' prefix was removed"] },
    { raw: `Bearer  ${T}`, notes: ["the 'Bearer' prefix was removed"] },
    { raw: `BEARER\t${T}`, notes: ["the 'Bearer' prefix was removed"] },
    { raw: `Authorization: Bearer ${T}`, notes: ["the 'Authorization:' header name was removed", "the 'Bearer' prefix was removed"] },
    { raw: `authorization:Bearer ${T}`, notes: ["the 'Authorization:' header name was removed", "the 'Bearer' prefix was removed"] },
  ])("decodeToken strips prefix $raw", ({ raw, notes }) => {
    const decoded = decodeOk(raw);

    expect(decoded.token).toBe(T);
    expect(decoded.notes).toEqual(notes);
  });

  it.each([
    { raw: `"${T}"`, notes: ["surrounding quotes were removed"] },
    { raw: `'${T}'`, notes: ["surrounding quotes were removed"] },
    { raw: ` "${T}" `, notes: ["whitespace was trimmed", "surrounding quotes were removed"] },
    { raw: `Bearer "${T}"`, notes: ["the 'Bearer' prefix was removed", "surrounding quotes were removed"] },
    { raw: `"Bearer ${T}"`, notes: ["surrounding quotes were removed", "the 'Bearer' prefix was removed"] },
    { raw: `Bearer " ${T} "`, notes: ["the 'Bearer' prefix was removed", "surrounding quotes were removed", "whitespace was trimmed"] },
  ])("decodeToken strips quotes $raw", ({ raw, notes }) => {
    const decoded = decodeOk(raw);

    expect(decoded.token).toBe(T);
    expect(decoded.notes).toEqual(notes);
  });

  it.each([
    `${H}.\n${P}.\n${S}`,
    `${H}.${P.slice(0, 40)}\r\n${P.slice(40)}.${S}`,
    `${H}.\n    ${P}.\n    ${S}`,
  ])("decodeToken joins wrapped lines %#", (raw) => {
    const decoded = decodeOk(raw);

    expect(decoded.token).toBe(T);
    expect(decoded.notes).toEqual(["line breaks were removed"]);
  });

  it.each(["", "   ", "Bearer", "bearer  ", "Authorization: Bearer", `""`])("decodeToken rejects empty %j", (raw) => {
    expect(decodeMessage(raw)).toBe("empty token");
  });

  it("decodeToken rejects a non-string", () => {
    expect(decodeMessage(42)).toBe("malformed: the token must be a string");
  });
});

describe("decodeToken alphabet", () => {
  const insideAt = H.length + 1 + 10;

  it("decodeToken rejects a space in a segment", () => {
    const raw = `${T.slice(0, insideAt)} ${T.slice(insideAt)}`;

    expect(decodeMessage(raw)).toBe(`malformed: character ' ' at position ${insideAt} is not base64url`);
  });

  it("decodeToken counts position after trimming", () => {
    const raw = `  Bearer ${T.slice(0, insideAt)} ${T.slice(insideAt)}`;

    expect(decodeMessage(raw)).toBe(`malformed: character ' ' at position ${insideAt} is not base64url`);
  });

  it("decodeToken rejects %20 in a segment", () => {
    const raw = `${T.slice(0, insideAt)}%20${T.slice(insideAt)}`;

    expect(decodeMessage(raw)).toBe(`malformed: character '%' at position ${insideAt} is not base64url`);
  });

  it("decodeToken shows a tab as a code point", () => {
    const raw = `${T.slice(0, insideAt)}\t${T.slice(insideAt)}`;

    expect(decodeMessage(raw)).toBe(`malformed: character U+0009 at position ${insideAt} is not base64url`);
  });

  it("decodeToken shows an emoji whole", () => {
    expect(decodeMessage(`${H}.😀${P}.${S}`)).toBe(`malformed: character '😀' at position ${H.length + 1} is not base64url`);
  });

  it.each([
    `${H}=.${P}.${S}`,
    `${H}.${P}.${S}=`,
    `${H}.${P}==.${S}`,
    `${H}.${P.slice(0, 10)}/${P.slice(10)}.${S}`,
    `${H}.${P.slice(0, 10)}+${P.slice(10)}.${S}`,
    `${H}.${P}.${S.replace("_", "/")}`,
  ])("decodeToken rejects padding or base64 %#", (raw) => {
    expect(raw === T).toBe(false);
    expect(decodeMessage(raw)).toBe("malformed: segments must be unpadded base64url");
  });

  it("decodeToken rejects unused bits set", () => {
    const last = S.at(-1);
    const altered = `${H}.${P}.${S.slice(0, -1)}${last === "0" ? "1" : "0"}`;

    expect(last).toBe("0");
    expect(decodeMessage(altered)).toBe("malformed: the signature segment is not canonical base64url (its last character sets unused bits)");
  });

  it("decodeToken rejects impossible length", () => {
    expect(decodeMessage(`${H}.${P}A.${S}`)).toBe(
      `malformed: the payload segment is not valid base64url (a length of ${P.length + 1} characters cannot be decoded)`,
    );
  });
});

describe("decodeToken segments", () => {
  it.each([
    { raw: H, count: 1 },
    { raw: `${H}.${P}`, count: 2 },
    { raw: `${H}.${P}.${S}.X`, count: 4 },
    { raw: `${H}.${P}.${S}.X.Y`, count: 5 },
  ])("decodeToken counts $count segments", ({ raw, count }) => {
    expect(decodeMessage(raw)).toBe(`malformed: a signed JWT has 3 segments, this has ${count}`);
  });

  it.each([
    { raw: "..", message: "malformed: the header segment is empty" },
    { raw: `.${P}.${S}`, message: "malformed: the header segment is empty" },
    { raw: `${H}..${S}`, message: "malformed: the payload segment is empty" },
    { raw: `${H}.${P}.`, message: "malformed: the signature segment is empty" },
  ])("decodeToken names empty segment in $raw", ({ raw, message }) => {
    expect(decodeMessage(raw)).toBe(message);
  });

  it.each(["none", "NONE", "nOnE"])("decodeToken shows alg %s unsigned", (alg) => {
    const decoded = decodeOk(forgeTestToken({ header: { typ: "JWT", alg }, payload: first.claims }));

    expect(decoded.header.alg).toBe(alg);
    expect(decoded.payload).toEqual(first.claims);
    expect(decoded.segments.signature).toBe("");
  });
});

describe("decodeToken JSON", () => {
  it.each(["[1,2]", "42", `"str"`, "null", "not json", "", "{", `{"a":1}x`])("decodeToken rejects payload %j", (payload) => {
    const raw = `${H}.${encodeSegment(payload)}.${S}`;
    const message = payload === "" ? "malformed: the payload segment is empty" : "malformed: the payload must be a JSON object";

    expect(decodeMessage(raw)).toBe(message);
  });

  it.each(["[1,2]", "42", "null", "not json"])("decodeToken rejects header %j", (header) => {
    expect(decodeMessage(`${encodeSegment(header)}.${P}.${S}`)).toBe("malformed: the header must be a JSON object");
  });

  it("decodeToken rejects invalid UTF-8", () => {
    const payload = Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]).toString("base64url");

    expect(decodeMessage(`${H}.${payload}.${S}`)).toBe("malformed: the payload is not valid UTF-8");
  });

  it("decodeToken keeps a byte order mark", () => {
    const payload = Buffer.from(`\ufeff${JSON.stringify(first.claims)}`, "utf8").toString("base64url");

    expect(decodeMessage(`${H}.${payload}.${S}`)).toBe("malformed: the payload must be a JSON object");
  });

  it("decodeToken accepts nesting 100 deep", () => {
    const payload = `${'{"a":'.repeat(100)}1${"}".repeat(100)}`;

    expect(Object.keys(decodeOk(`${H}.${encodeSegment(payload)}.${S}`).payload)).toEqual(["a"]);
  });

  it("decodeToken rejects nesting 101 deep", () => {
    const payload = `${'{"a":'.repeat(101)}1${"}".repeat(101)}`;

    expect(decodeMessage(`${H}.${encodeSegment(payload)}.${S}`)).toBe("malformed: the payload is nested more than 100 levels deep");
  });

  it("decodeToken rejects nesting 5000 deep", () => {
    const payload = `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const raw = `${H}.${encodeSegment(payload)}.${S}`;

    expect(Buffer.byteLength(raw)).toBeLessThanOrEqual(16384);
    expect(decodeMessage(raw)).toBe("malformed: the payload is nested more than 100 levels deep");
  });

  it("decodeToken ignores brackets in strings", () => {
    const text = `"[{${"[".repeat(200)}`;
    const decoded = decodeOk(withPayload({ ...first.claims, sub: text }));

    expect(decoded.payload.sub).toBe(text);
  });

  it("decodeToken survives a parser RangeError", () => {
    const parse = vi.spyOn(JSON, "parse").mockImplementation(() => {
      throw new RangeError("Maximum call stack size exceeded");
    });

    expect(decodeMessage(T)).toBe("malformed: the header must be a JSON object");
    expect(parse).toHaveBeenCalled();
  });

  it.each([
    { identity: "zoë-ünïcødé", device: "tablet" },
    { identity: "alice", device: "平板" },
    { identity: "alice 👩‍💻", device: "web1" },
  ])("decodeToken keeps UTF-8 sub $identity/$device", ({ identity, device }) => {
    const sub = `${identity}/${device}`;

    expect(decodeOk(withPayload({ ...first.claims, sub })).payload.sub).toBe(sub);
  });

  it("decodeToken reads unicode vector", () => {
    const vector = testVectors.valid.find((candidate) => candidate.name === "unicode identity");

    expect(vector).toBeDefined();
    expect(decodeOk(vector?.token).payload.sub).toBe("zoë-ünïcødé/tablet");
  });
});

describe("decodeToken size", () => {
  it.each([
    { raw: "a".repeat(65536), size: 65536 },
    { raw: "a".repeat(1024 * 1024), size: 1048576 },
    { raw: `${H}.${P}.${S}${"A".repeat(16384)}`, size: T.length + 16384 },
    { raw: "é".repeat(8193), size: 16386 },
    { raw: "😀".repeat(4097), size: 16388 },
  ])("decodeToken rejects $size bytes", ({ raw, size }) => {
    expect(decodeMessage(raw)).toBe(`token too large (${size} bytes, maximum 16384)`);
  });

  it("decodeToken rejects nesting 10000 deep", () => {
    const payload = `${"[".repeat(10000)}${"]".repeat(10000)}`;
    const raw = `${H}.${encodeSegment(payload)}.${S}`;
    const size = Buffer.byteLength(raw, "utf8");

    expect(size).toBeGreaterThan(16384);
    expect(decodeMessage(raw)).toBe(`token too large (${size} bytes, maximum 16384)`);
  });

  it("decodeToken allows 16384 bytes", () => {
    expect(decodeMessage("a".repeat(16384))).toBe("malformed: a signed JWT has 3 segments, this has 1");
  });

  it("normalizeTokenInput checks size first", () => {
    expect(normalizeTokenInput(` Bearer ${"a".repeat(16384)}`)).toEqual({
      ok: false,
      message: "token too large (16392 bytes, maximum 16384)",
      notes: [],
    });
  });
});

describe("decodeToken random input", () => {
  // A seeded generator (mulberry32) keeps failures reproducible.
  function createRandom(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
      mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    };
  }

  function randomText(random: () => number, alphabet: string, maxLength: number): string {
    const length = Math.floor(random() * maxLength);
    let text = "";
    for (let index = 0; index < length; index += 1) {
      text += alphabet[Math.floor(random() * alphabet.length)];
    }
    return text;
  }

  function randomSegment(random: () => number): string {
    const bytes = Uint8Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256));
    return Buffer.from(bytes).toString("base64url");
  }

  it("decodeToken returns a result for 3000 inputs", () => {
    const random = createRandom(20261204);
    const base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const json = '{}[]":,01-.eE truefalsenull\\u';
    const inputs: string[] = [];

    for (let round = 0; round < 1000; round += 1) {
      inputs.push(randomText(random, `${base64url}.. =+/%"'\n`, 120));
      inputs.push([randomSegment(random), randomSegment(random), randomSegment(random)].join("."));
      inputs.push(`${H}.${encodeSegment(randomText(random, json, 60))}.${S}`);
    }

    for (const raw of inputs) {
      const decoded = decodeToken(raw, { now: clock });

      expect(typeof decoded.ok).toBe("boolean");
      expect(() => JSON.stringify(decoded)).not.toThrow();
    }
  });
});

describe("decodeToken time claims", () => {
  it("decodeToken shows vector times", () => {
    const decoded = decodeOk(T);

    expect(decoded.timeClaims).toEqual([
      { name: "exp", value: clock + 3600, seconds: clock + 3600, time: { iso: "2026-12-04T17:00:00Z", relative: "in 1 hour" } },
      { name: "iat", value: clock, seconds: clock, time: { iso: "2026-12-04T16:00:00Z", relative: "now" } },
    ]);
    expect(decoded.errors).toEqual([]);
    expect(decoded.warnings).toEqual([]);
  });

  it.each([
    { claim: "exp", value: "1796403600" },
    { claim: "iat", value: "1796400000" },
    { claim: "nbf", value: true },
    { claim: "exp", value: null },
  ])("decodeToken reports $claim $value", ({ claim, value }) => {
    const decoded = decodeOk(withPayload({ ...first.claims, [claim]: value }));

    expect(decoded.errors).toEqual([`invalid ${claim}: must be a number of seconds`]);
    expect(decoded.payload[claim]).toBe(value);
  });

  it("decodeToken reports an infinite exp", () => {
    const payload = JSON.stringify(first.claims).replace(`"exp":${clock + 3600}`, `"exp":1e400`);

    expect(decodeOk(withPayload(payload)).errors).toEqual(["invalid exp: must be a number of seconds"]);
  });

  it("decodeToken shows a float exp", () => {
    const decoded = decodeOk(withPayload({ ...first.claims, exp: 1796403600.5 }));
    const exp = decoded.timeClaims.find((claim) => claim.name === "exp");

    expect(decoded.errors).toEqual([]);
    expect(exp?.time?.iso).toBe("2026-12-04T17:00:00.500Z");
  });

  it("decodeToken reads exponent notation", () => {
    const payload = JSON.stringify(first.claims).replace(`"exp":${clock + 3600}`, `"exp":1.7964036e9`);
    const decoded = decodeOk(withPayload(payload));

    expect(payload).toContain("1.7964036e9");
    expect(decoded.payload.exp).toBe(1796403600);
    expect(decoded.timeClaims[0]?.time?.iso).toBe("2026-12-04T17:00:00Z");
  });

  it("decodeToken warns about milliseconds", () => {
    const decoded = decodeOk(withPayload({ ...first.claims, exp: 1796403600000 }));

    expect(decoded.warnings).toEqual(["exp looks like milliseconds: read as seconds it is +058895-10-06T08:00:00Z"]);
    expect(decoded.errors).toEqual([]);
  });

  it("decodeToken shows exp 0 in 1970", () => {
    const decoded = decodeOk(withPayload({ ...first.claims, exp: 0 }));

    expect(decoded.timeClaims[0]?.time).toEqual({ iso: "1970-01-01T00:00:00Z", relative: "56 years ago" });
  });

  it("decodeToken survives exp beyond Date", () => {
    const decoded = decodeOk(withPayload({ ...first.claims, exp: 1e300 }));

    expect(decoded.timeClaims[0]?.time).toEqual({ iso: null, relative: "in more than a million years" });
    expect(decoded.warnings).toEqual(["exp looks like milliseconds: read as seconds it is beyond the year 275760"]);
  });
});

describe("describeTime", () => {
  it.each([
    { seconds: clock - 3600, relative: "1 hour ago" },
    { seconds: clock - 7199, relative: "1 hour ago" },
    { seconds: clock + 30, relative: "in 30 seconds" },
    { seconds: clock + 1, relative: "in 1 second" },
    { seconds: clock + 0.5, relative: "in less than a second" },
    { seconds: clock + 2 * 86400, relative: "in 2 days" },
    { seconds: clock - 90, relative: "1 minute ago" },
  ])("describeTime says $relative", ({ seconds, relative }) => {
    expect(describeTime(seconds, clock).relative).toBe(relative);
  });

  it("describeTime drops zero milliseconds", () => {
    expect(describeTime(clock - 3600, clock).iso).toBe("2026-12-04T15:00:00Z");
  });

  it.each([Number.MAX_VALUE, -Number.MAX_VALUE, 8.64e12 + 1])("describeTime survives %d", (seconds) => {
    expect(describeTime(seconds, clock).iso).toBeNull();
  });
});
