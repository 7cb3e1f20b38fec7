import { afterEach, describe, expect, it, vi } from "vitest";

import { buildToken } from "./build-token";
import { encodeSegment, forgeTestToken } from "./forge-test-token";
import { firstValidVector, splitTestToken, testVectors } from "./test-vectors";
import {
  VERDICT_CODES,
  VERDICT_LABELS,
  verifyToken,
  type VerificationKey,
  type VerifyOptions,
  type VerifyResult,
} from "./verify-token";

const { clock, key } = testVectors;
const first = firstValidVector;
const T = first.token;
const [H, P, S] = splitTestToken(T);

const activeKey: VerificationKey = { ...key, status: "active", appId: "app-1", appName: "Demo app" };
const revokedKey: VerificationKey = { ...activeKey, status: "revoked" };
const keyReference = { id: key.id, appId: "app-1", appName: "Demo app" };

function findOnly(...keys: VerificationKey[]): VerifyOptions["findKey"] {
  return async (iss) => keys.find((candidate) => candidate.id === iss) ?? null;
}

async function verifyAtClock(raw: unknown, findKey = findOnly(activeKey)): Promise<VerifyResult> {
  return verifyToken(raw, { now: clock, findKey });
}

function signClaims(claims: object | string, header: object = first.header): string {
  return forgeTestToken({ header, payload: claims, secret: key.secret });
}

function decodedPayload(result: VerifyResult): Record<string, unknown> {
  if (!result.decoded.ok) {
    throw new Error(`expected the token to decode, got: ${result.decoded.message}`);
  }
  return result.decoded.payload;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("verifyToken vectors", () => {
  it("vectors file has 14 invalid cases", () => {
    expect(testVectors.invalid).toHaveLength(14);
  });

  it.each(testVectors.invalid)("verifyToken gives $expected: $name", async (vector) => {
    const result = await verifyAtClock(vector.token);

    expect(result.verdict).toBe(vector.expected);
  });

  it.each(testVectors.valid)("verifyToken accepts vector: $name", async (vector) => {
    const result = await verifyAtClock(vector.token);

    expect(result.verdict).toBe("valid");
    expect(result.message).toBe(`valid: signed by key '${key.id}' of app 'Demo app'`);
    expect(result.key).toEqual(keyReference);
  });

  it.each(testVectors.pasteForms.forms)("verifyToken accepts paste form %j", async (form) => {
    const result = await verifyAtClock(form);

    expect(result.verdict).toBe("valid");
    expect(decodedPayload(result)).toEqual(first.claims);
    expect(result.notes.length).toBeGreaterThan(0);
  });

  it("verifyToken warns about a token without exp", async () => {
    const vector = testVectors.valid.find((candidate) => candidate.name === "no ttl: token without exp");
    const result = await verifyAtClock(vector?.token);

    expect(result.verdict).toBe("valid");
    expect(result.warnings).toEqual(["the token has no exp, so it never expires"]);
  });

  it("verifyToken adds no warning with exp", async () => {
    expect((await verifyAtClock(T)).warnings).toEqual([]);
  });

  it("verifyToken gives expired message", async () => {
    const vector = testVectors.invalid.find((candidate) => candidate.name === "expired one hour before the clock");

    expect((await verifyAtClock(vector?.token)).message).toBe("expired 1 hour ago (2026-12-04T15:00:00Z)");
  });

  it("verifyToken names HS512", async () => {
    const vector = testVectors.invalid.find((candidate) => candidate.expected === "unsupported-algorithm");
    const result = await verifyAtClock(vector?.token);

    expect(result.message).toBe(`unsupported algorithm "HS512": only HS256 is accepted`);
    expect(result.decoded.ok).toBe(true);
  });

  it("verifyToken names an unknown key", async () => {
    const vector = testVectors.invalid.find((candidate) => candidate.expected === "unknown-key");

    expect((await verifyAtClock(vector?.token)).message).toBe("unknown key '00000000000000000000000000000000'");
  });

  it("verifyToken reads the clock at each call", async () => {
    vi.spyOn(Date, "now").mockReturnValue(clock * 1000);
    const findKey = findOnly(activeKey);

    expect((await verifyToken(T, { findKey })).verdict).toBe("valid");
    vi.spyOn(Date, "now").mockReturnValue((clock + 3600) * 1000);
    expect((await verifyToken(T, { findKey })).verdict).toBe("expired");
  });
});

describe("verifyToken unsigned", () => {
  it.each(["none", "NONE", "nOnE", "None"])("verifyToken rejects alg %s", async (alg) => {
    const findKey = vi.fn(findOnly(activeKey));
    const token = forgeTestToken({ header: { typ: "JWT", alg }, payload: first.claims });

    const result = await verifyToken(token, { now: clock, findKey });

    expect(result.verdict).toBe("unsigned");
    expect(result.message).toBe("unsigned: only HS256 is accepted");
    expect(decodedPayload(result)).toEqual(first.claims);
    expect(findKey).not.toHaveBeenCalled();
  });

  it("verifyToken rejects alg none for any iss", async () => {
    const token = forgeTestToken({ header: { alg: "none" }, payload: { ...first.claims, iss: "not-a-key" } });

    expect((await verifyAtClock(token)).verdict).toBe("unsigned");
  });

  it("verifyToken rejects alg none with a signature", async () => {
    const token = `${forgeTestToken({ header: { alg: "none" }, payload: first.claims })}${S}`;

    expect((await verifyAtClock(token)).verdict).toBe("unsigned");
  });
});

describe("verifyToken algorithm", () => {
  it.each([
    { header: { typ: "JWT", alg: "hs256" }, message: `unsupported algorithm "hs256": only HS256 is accepted` },
    { header: { typ: "JWT", alg: "RS256" }, message: `unsupported algorithm "RS256": only HS256 is accepted` },
    { header: { typ: "JWT", alg: 256 }, message: "unsupported algorithm 256: only HS256 is accepted" },
    { header: { typ: "JWT" }, message: "unsupported algorithm: the header has no alg, and only HS256 is accepted" },
  ])("verifyToken rejects header $header", async ({ header, message }) => {
    const result = await verifyAtClock(signClaims(first.claims, header));

    expect(result.verdict).toBe("unsupported-algorithm");
    expect(result.message).toBe(message);
  });

  it("verifyToken rejects a crit header", async () => {
    const token = signClaims(first.claims, { alg: "HS256", crit: ["b64"], b64: false });
    const result = await verifyAtClock(token);

    expect(result.verdict).toBe("malformed");
    expect(result.message).toBe("malformed: the header has a crit parameter, which Bit6 tokens never use");
  });
});

describe("verifyToken keys", () => {
  it("verifyToken treats an empty secret as unknown", async () => {
    const result = await verifyAtClock(T, findOnly({ ...activeKey, secret: "" }));

    expect(result.verdict).toBe("unknown-key");
    expect(result.message).toBe(`unknown key '${key.id}'`);
    expect(result.key).toBeUndefined();
  });

  it("verifyToken rejects a missing iss", async () => {
    const { iss: _iss, ...claims } = first.claims;
    const result = await verifyAtClock(signClaims(claims));

    expect(result.verdict).toBe("unknown-key");
    expect(result.message).toBe("unknown key: the token has no iss claim naming its key ID");
  });

  it("verifyToken rejects a numeric iss", async () => {
    const result = await verifyAtClock(signClaims({ ...first.claims, iss: 42 }));

    expect(result.verdict).toBe("unknown-key");
    expect(result.message).toBe("unknown key: the iss claim must be a key ID string");
  });

  it("verifyToken looks up any string iss", async () => {
    const otherKey: VerificationKey = { ...activeKey, id: "legacy key #7", secret: "other-secret" };
    const token = forgeTestToken({ header: first.header, payload: { ...first.claims, iss: otherKey.id }, secret: otherKey.secret });

    const result = await verifyAtClock(token, findOnly(activeKey, otherKey));

    expect(result.verdict).toBe("valid");
    expect(result.key?.id).toBe("legacy key #7");
  });

  it("verifyToken reports a revoked key", async () => {
    const result = await verifyAtClock(T, findOnly(revokedKey));

    expect(result.verdict).toBe("revoked");
    expect(result.message).toBe(`revoked: key '${key.id}' of app 'Demo app' was revoked`);
    expect(result.key).toEqual(keyReference);
  });

  it("verifyToken checks signature before revocation", async () => {
    const tampered = testVectors.invalid[0];
    const result = await verifyAtClock(tampered?.token, findOnly(revokedKey));

    expect(result.verdict).toBe("bad-signature");
    expect(result.key).toBeUndefined();
  });

  it("verifyToken names the key on bad signature", async () => {
    const result = await verifyAtClock(`${H}.${P}.${signClaims({ other: true }).split(".")[2]}`);

    expect(result.verdict).toBe("bad-signature");
    expect(result.message).toBe(`bad signature: the token was not signed with the secret of key '${key.id}'`);
  });

  it("verifyToken never returns the secret", async () => {
    const results = await Promise.all([T, testVectors.invalid[0]?.token].map((token) => verifyAtClock(token)));

    for (const result of results) {
      expect(JSON.stringify(result)).not.toContain(key.secret);
    }
  });

  it("verifyToken passes on findKey errors", async () => {
    const failure = new Error("key store unavailable");
    const findKey = async (): Promise<VerificationKey | null> => {
      throw failure;
    };

    await expect(verifyToken(T, { now: clock, findKey })).rejects.toBe(failure);
  });
});

describe("verifyToken signature bytes", () => {
  it("verifyToken checks spaced payload bytes", async () => {
    const spaced = JSON.stringify(first.claims, null, 2);
    const token = signClaims(spaced);

    const result = await verifyAtClock(token);

    expect(token.split(".")[1]).not.toBe(P);
    expect(result.verdict).toBe("valid");
    expect(decodedPayload(result)).toEqual(first.claims);
  });

  it("verifyToken rejects re-serialized payload", async () => {
    const spacedSignature = signClaims(JSON.stringify(first.claims, null, 2)).split(".")[2];

    expect((await verifyAtClock(`${H}.${P}.${spacedSignature}`)).verdict).toBe("bad-signature");
  });

  it("verifyToken checks pasted header bytes", async () => {
    const reordered = signClaims(first.claims, { alg: "HS256", typ: "JWT" });

    expect(reordered.split(".")[0]).not.toBe(H);
    expect((await verifyAtClock(reordered)).verdict).toBe("valid");
    expect((await verifyAtClock(`${H}.${P}.${reordered.split(".")[2]}`)).verdict).toBe("bad-signature");
  });

  it.each([
    { identity: "zoë-ünïcødé", device: "tablet" },
    { identity: "alice", device: "平板" },
    { identity: "alice 👩‍💻", device: "web1" },
  ])("verifyToken accepts UTF-8 sub $identity/$device", async ({ identity, device }) => {
    const token = await buildToken({ key, identity, device, grants: { chat: true }, ttl: 600, now: clock });
    const result = await verifyAtClock(token);

    expect(result.verdict).toBe("valid");
    expect(decodedPayload(result).sub).toBe(`${identity}/${device}`);
  });
});

describe("verifyToken malformed input", () => {
  it.each([
    { raw: "", message: "empty token" },
    { raw: "Bearer", message: "empty token" },
    { raw: `${H}.${P}`, message: "malformed: a signed JWT has 3 segments, this has 2" },
    { raw: `${H}.${P}.${S}.X`, message: "malformed: a signed JWT has 3 segments, this has 4" },
    { raw: "..", message: "malformed: the header segment is empty" },
    { raw: `${H}..${S}`, message: "malformed: the payload segment is empty" },
    { raw: `${H}.${P}.`, message: "malformed: the signature segment is empty" },
    { raw: `${H}.${P}=.${S}`, message: "malformed: segments must be unpadded base64url" },
    { raw: `${H}.${encodeSegment("[1,2]")}.${S}`, message: "malformed: the payload must be a JSON object" },
    { raw: "a".repeat(65536), message: "token too large (65536 bytes, maximum 16384)" },
  ])("verifyToken rejects $message", async ({ raw, message }) => {
    const findKey = vi.fn(findOnly(activeKey));
    const result = await verifyToken(raw, { now: clock, findKey });

    expect(result.verdict).toBe("malformed");
    expect(result.message).toBe(message);
    expect(result.decoded.ok).toBe(false);
    expect(findKey).not.toHaveBeenCalled();
  });

  it("verifyToken rejects 1 MB before decoding", async () => {
    const findKey = vi.fn();
    const result = await verifyToken("a".repeat(1024 * 1024), { now: clock, findKey });

    expect(result.message).toBe("token too large (1048576 bytes, maximum 16384)");
    expect(findKey).not.toHaveBeenCalled();
  });
});

describe("verifyToken time claims", () => {
  it.each(["exp", "iat", "nbf"])("verifyToken rejects string %s", async (claim) => {
    const result = await verifyAtClock(signClaims({ ...first.claims, [claim]: String(clock + 600) }));

    expect(result.verdict).toBe("malformed");
    expect(result.message).toBe(`invalid ${claim}: must be a number of seconds`);
    expect(decodedPayload(result)[claim]).toBe(String(clock + 600));
  });

  it("verifyToken accepts a float exp", async () => {
    expect((await verifyAtClock(signClaims({ ...first.claims, exp: 1796403600.5 }))).verdict).toBe("valid");
  });

  it("verifyToken accepts exponent notation", async () => {
    const payload = JSON.stringify(first.claims).replace(`"exp":${clock + 3600}`, `"exp":1.7964036e9`);

    expect((await verifyAtClock(signClaims(payload))).verdict).toBe("valid");
  });

  it("verifyToken warns about millisecond exp", async () => {
    const result = await verifyAtClock(signClaims({ ...first.claims, exp: 1796403600000 }));

    expect(result.verdict).toBe("valid");
    expect(result.warnings).toEqual(["exp looks like milliseconds: read as seconds it is +058895-10-06T08:00:00Z"]);
  });

  it("verifyToken expires exp 0 in 1970", async () => {
    const result = await verifyAtClock(signClaims({ ...first.claims, exp: 0 }));

    expect(result.verdict).toBe("expired");
    expect(result.message).toBe("expired 56 years ago (1970-01-01T00:00:00Z)");
  });

  it("verifyToken expires exp equal to now", async () => {
    expect((await verifyAtClock(signClaims({ ...first.claims, exp: clock }))).verdict).toBe("expired");
  });

  it.each([
    { claim: "iat", message: "not yet valid: iat is in 1 hour (2026-12-04T17:00:00Z)" },
    { claim: "nbf", message: "not yet valid: nbf is in 1 hour (2026-12-04T17:00:00Z)" },
  ])("verifyToken rejects $claim an hour ahead", async ({ claim, message }) => {
    const result = await verifyAtClock(signClaims({ ...first.claims, [claim]: clock + 3600, exp: clock + 7200 }));

    expect(result.verdict).toBe("not-yet-valid");
    expect(result.message).toBe(message);
  });

  it.each([30, 60])("verifyToken allows iat %d s ahead", async (ahead) => {
    const result = await verifyAtClock(signClaims({ ...first.claims, iat: clock + ahead }));

    expect(result.verdict).toBe("valid");
    expect(result.notes).toEqual([`iat is in ${ahead === 60 ? "1 minute" : "30 seconds"}, within the allowed clock skew of 60 seconds`]);
  });

  it("verifyToken rejects iat 61 s ahead", async () => {
    expect((await verifyAtClock(signClaims({ ...first.claims, iat: clock + 61 }))).verdict).toBe("not-yet-valid");
  });

  it("verifyToken checks exp before nbf", async () => {
    const result = await verifyAtClock(signClaims({ ...first.claims, nbf: clock + 3600, exp: clock - 1 }));

    expect(result.verdict).toBe("expired");
  });
});

describe("VERDICT_LABELS", () => {
  it("VERDICT_LABELS covers every code", () => {
    expect(Object.keys(VERDICT_LABELS).sort()).toEqual([...VERDICT_CODES].sort());
  });
});
