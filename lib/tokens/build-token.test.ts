import { createHmac } from "node:crypto";

import { SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";

import { buildClaims, buildToken, TokenInputError, type BuildTokenOptions } from "./build-token";
import { decodeToken, type DecodedToken } from "./decode-token";
import { parseMintRequest } from "./token-rules";
import { testVectors, type TestVectors } from "./test-vectors";

const { clock, key } = testVectors;

type ValidVector = TestVectors["valid"][number];

function optionsFromVector(vector: ValidVector): BuildTokenOptions {
  const { aud, ...input } = vector.input;
  return { ...input, audience: aud, key, now: clock };
}

const baseOptions: BuildTokenOptions = {
  key,
  identity: "alice",
  device: "web1",
  grants: { chat: true },
  ttl: 3600,
  now: clock,
};

function catchInputError(run: () => unknown): TokenInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof TokenInputError) {
      return error;
    }
    throw error;
  }
  throw new Error("expected a TokenInputError, but nothing was thrown");
}

function decodeOk(token: string): DecodedToken {
  const decoded = decodeToken(token, { now: clock });
  if (!decoded.ok) {
    throw new Error(`expected ${token} to decode, got: ${decoded.message}`);
  }
  return decoded;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("buildToken vectors", () => {
  it("vectors file has 12 valid cases", () => {
    expect(testVectors.valid).toHaveLength(12);
  });

  it.each(testVectors.valid)("buildToken matches vector: $name", async (vector) => {
    await expect(buildToken(optionsFromVector(vector))).resolves.toBe(vector.token);
  });

  it.each(testVectors.valid)("buildClaims matches vector: $name", (vector) => {
    const claims = buildClaims(optionsFromVector(vector));

    expect(claims).toEqual(vector.claims);
    expect(JSON.stringify(claims)).toBe(JSON.stringify(vector.claims));
  });

  it.each(testVectors.valid)("buildToken header matches vector: $name", async (vector) => {
    const decoded = decodeOk(await buildToken(optionsFromVector(vector)));

    expect(JSON.stringify(decoded.header)).toBe(JSON.stringify(vector.header));
  });
});

describe("buildToken clock", () => {
  it("buildToken reads the clock at each call", async () => {
    const now = vi.spyOn(Date, "now").mockReturnValue(clock * 1000);
    const { now: _fixed, ...options } = baseOptions;

    const first = decodeOk(await buildToken(options));
    now.mockReturnValue((clock + 2) * 1000 + 999);
    const second = decodeOk(await buildToken(options));

    expect(first.payload.iat).toBe(clock);
    expect(second.payload.iat).toBe(clock + 2);
    expect(second.payload.exp).toBe(clock + 2 + 3600);
  });

  it("buildClaims rejects a fractional now", () => {
    const error = catchInputError(() => buildClaims({ ...baseOptions, now: clock + 0.5 }));

    expect(error.field).toBe("now");
    expect(error.message).toBe("now must be a non-negative integer number of seconds");
  });
});

describe("buildToken key", () => {
  it("buildToken rejects an empty secret unsigned", async () => {
    const sign = vi.spyOn(SignJWT.prototype, "sign");

    await expect(buildToken({ ...baseOptions, key: { id: key.id, secret: "" } })).rejects.toMatchObject({
      name: "TokenInputError",
      field: "key",
      message: `unknown key '${key.id}'`,
    });
    expect(sign).not.toHaveBeenCalled();
  });

  it("buildToken rejects an empty key ID", async () => {
    await expect(buildToken({ ...baseOptions, key: { id: "", secret: key.secret } })).rejects.toMatchObject({
      field: "key",
      message: "key ID is required",
    });
  });

  it("buildToken signs with the secret's UTF-8 bytes", async () => {
    const unicodeKey = { id: key.id, secret: "sécret-✓" };
    const token = await buildToken({ ...baseOptions, key: unicodeKey });
    const [header, payload, signature] = token.split(".");

    const expected = createHmac("sha256", Buffer.from(unicodeKey.secret, "utf8")).update(`${header}.${payload}`).digest("base64url");
    expect(signature).toBe(expected);
  });
});

describe("buildToken ttl and exp", () => {
  it.each([
    { ttl: 0, message: `ttl must be from 60 to 86400 seconds, got ${0}` },
    { ttl: -5, message: `ttl must be from 60 to 86400 seconds, got ${-5}` },
    { ttl: 59, message: `ttl must be from 60 to 86400 seconds, got ${59}` },
    { ttl: 86401, message: `ttl must be from 60 to 86400 seconds, got ${86401}` },
    { ttl: 1e9, message: `ttl must be from 60 to 86400 seconds, got ${1e9}` },
    { ttl: 3600.5, message: "ttl must be an integer number of seconds" },
    { ttl: "3600", message: "ttl must be an integer number of seconds" },
    { ttl: null, message: "ttl must be an integer number of seconds" },
    { ttl: Number.NaN, message: "ttl must be an integer number of seconds" },
  ])("buildClaims rejects ttl $ttl", ({ ttl, message }) => {
    const error = catchInputError(() => buildClaims({ ...baseOptions, ttl: ttl as number }));

    expect(error.field).toBe("ttl");
    expect(error.message).toBe(message);
  });

  it.each([
    { exp: clock, message: `exp must be after iat (${clock})` },
    { exp: clock - 60, message: `exp must be after iat (${clock})` },
    { exp: clock + 60.5, message: "exp must be an integer number of seconds" },
    { exp: "1796403600", message: "exp must be an integer number of seconds" },
  ])("buildClaims rejects exp $exp", ({ exp, message }) => {
    const { ttl: _ttl, ...options } = baseOptions;
    const error = catchInputError(() => buildClaims({ ...options, exp: exp as number }));

    expect(error.field).toBe("exp");
    expect(error.message).toBe(message);
  });

  it("buildClaims rejects ttl with exp", () => {
    const error = catchInputError(() => buildClaims({ ...baseOptions, exp: clock + 600 }));

    expect(error.field).toBe("ttl");
    expect(error.message).toBe("give either ttl or exp, not both");
  });

  it("buildToken from a request always has exp", async () => {
    const parsed = parseMintRequest({ identity: "alice", device: "web1" });
    if (!parsed.ok) {
      throw new Error(`request rejected: ${JSON.stringify(parsed.errors)}`);
    }

    const decoded = decodeOk(await buildToken({ ...parsed.request, key, now: clock }));

    expect(decoded.payload.exp).toBe(clock + 3600);
  });
});

describe("buildToken identity and device", () => {
  it.each([
    { identity: "", device: "web1", field: "identity", message: "identity is required" },
    { identity: "   ", device: "web1", field: "identity", message: "identity must not be blank" },
    { identity: "a/b", device: "web1", field: "identity", message: "identity must not contain '/' (got \"a/b\"): it separates identity from device in sub" },
    { identity: "alice\n", device: "web1", field: "identity", message: "identity must not contain control characters (found U+000A)" },
    { identity: "x".repeat(129), device: "web1", field: "identity", message: "identity must be at most 128 characters, got 129" },
    { identity: undefined, device: "web1", field: "identity", message: "identity is required" },
    { identity: "alice", device: undefined, field: "device", message: "device is required" },
    { identity: "alice", device: "a/b", field: "device", message: "device must not contain '/' (got \"a/b\"): it separates identity from device in sub" },
    { identity: "alice", device: 7, field: "device", message: "device must be a string" },
  ])("buildClaims rejects $field $identity/$device", ({ identity, device, field, message }) => {
    const error = catchInputError(() => buildClaims({ ...baseOptions, identity, device: device as string }));

    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });

  it.each([
    { identity: "usr:alice", device: "web1" },
    { identity: "zoë-ünïcødé", device: "平板" },
    { identity: "alice 👩‍💻", device: "📱" },
  ])("buildToken keeps sub exact: $identity/$device", async ({ identity, device }) => {
    const decoded = decodeOk(await buildToken({ ...baseOptions, identity, device }));

    expect(decoded.payload.sub).toBe(`${identity}/${device}`);
  });

  it("buildClaims rejects identity for server", () => {
    const error = catchInputError(() => buildClaims({ ...baseOptions, access: "server", device: undefined }));

    expect(error.field).toBe("identity");
    expect(error.message).toBe("identity must be left out for server access, which has no sub");
  });

  it("buildClaims rejects device for server", () => {
    const error = catchInputError(() => buildClaims({ ...baseOptions, access: "server", identity: undefined }));

    expect(error.field).toBe("device");
    expect(error.message).toBe("device must be left out for server access, which has no sub");
  });
});

describe("buildToken grants, access and audience", () => {
  it.each([
    { grants: { Chat: true }, message: "unknown grant 'Chat': use one of chat, push, signal, video" },
    { grants: { chat: "true" }, message: `grant 'chat' must be true or false, got "true"` },
    { grants: { chat: 1 }, message: "grant 'chat' must be true or false, got 1" },
    { grants: { admin: true }, message: "unknown grant 'admin': use one of chat, push, signal, video" },
  ])("buildClaims rejects grants $grants", ({ grants, message }) => {
    const error = catchInputError(() => buildClaims({ ...baseOptions, grants: grants as BuildTokenOptions["grants"] }));

    expect(error.field).toBe("grants");
    expect(error.message).toBe(message);
  });

  it("buildClaims defaults missing grants", () => {
    expect(buildClaims({ ...baseOptions, grants: undefined }).grants).toEqual({});
  });

  it("buildClaims rejects unknown access", () => {
    const error = catchInputError(() => buildClaims({ ...baseOptions, access: "admin" as "server" }));

    expect(error.field).toBe("access");
    expect(error.message).toBe(`access must be "client" or "server", got "admin"`);
  });

  it.each(["Prod", "evil.example/x#", "", "-dev"])("buildClaims rejects env %j", (env) => {
    const error = catchInputError(() => buildClaims({ ...baseOptions, env }));

    expect(error.field).toBe("env");
    expect(error.message).toBe(`env must be lowercase letters, digits and '-', such as "prod" or "dev"`);
  });

  it("buildClaims builds a staging audience", () => {
    expect(buildClaims({ ...baseOptions, env: "staging-2" }).aud).toBe("https://api.staging-2.bit6.com/client");
  });

  it("buildClaims rejects a blank audience", () => {
    const error = catchInputError(() => buildClaims({ ...baseOptions, audience: " " }));

    expect(error.field).toBe("audience");
    expect(error.message).toBe("audience must be a non-empty string");
  });
});
