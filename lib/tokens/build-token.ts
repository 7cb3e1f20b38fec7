import { SignJWT } from "jose";

import { parseGrants, type Grants } from "./grants";
import { importHmacKey } from "./hmac-key";
import { findSubjectProblem, findTtlProblem, type SubjectField } from "./token-rules";

export type TokenAccess = "client" | "server";

/** An API key: its key ID becomes `iss`, and the UTF-8 bytes of its secret are the HMAC key. */
export interface SigningKey {
  id: string;
  secret: string;
}

export interface BuildTokenOptions {
  key: SigningKey;
  /** Required for client access and rejected for server access. */
  identity?: string | undefined;
  /** Required for client access and rejected for server access. */
  device?: string | undefined;
  /** Missing grants mean `{}`. */
  grants?: Grants | undefined;
  /** Lifetime in seconds from `now`. Give ttl or exp, not both. */
  ttl?: number | undefined;
  /** Expiry time in seconds since the epoch. */
  exp?: number | undefined;
  /** Environment in the default audience, "prod" unless given. */
  env?: string | undefined;
  /** Defaults to "client". */
  access?: TokenAccess | undefined;
  /** Replaces the default audience `https://api.<env>.bit6.com/<access>`. */
  audience?: string | undefined;
  /** Issue time in seconds since the epoch, read from the clock at the call unless given. */
  now?: number | undefined;
}

/** Bit6 v2 claims, declared in the order they appear in the token. */
export type TokenClaims = {
  aud: string;
  iss: string;
  iat: number;
  grants: Grants;
  sub?: string;
  exp?: number;
};

export const TOKEN_HEADER = { typ: "JWT", alg: "HS256" } as const;

/** Invalid input to buildToken or buildClaims; `field` names the option at fault. */
export class TokenInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = "TokenInputError";
    this.field = field;
  }
}

/**
 * Validates the options and returns the claims in token order: aud, iss, iat, grants,
 * sub (client access only) and exp. Throws TokenInputError on invalid input.
 */
export function buildClaims(options: BuildTokenOptions): TokenClaims {
  const access = readAccess(options.access);
  const iat = readNow(options.now);
  const aud = readAudience(options, access);
  const iss = readKeyId(options.key);
  const grants = readGrants(options.grants);
  const sub = readSubject(options, access);
  const exp = readExpiry(options, iat);

  // Keys are added in token order, because JSON.stringify keeps insertion order.
  const claims: TokenClaims = { aud, iss, iat, grants };
  if (sub !== undefined) {
    claims.sub = sub;
  }
  if (exp !== undefined) {
    claims.exp = exp;
  }

  return claims;
}

/**
 * Mints a signed HS256 token. Throws TokenInputError on invalid input, and before
 * anything is signed when the key has no secret.
 */
export async function buildToken(options: BuildTokenOptions): Promise<string> {
  const secret = readSecret(options.key);
  const claims = buildClaims(options);

  return signClaims(claims, secret);
}

/** Signs claims that buildClaims returned, for callers that need the claims as well as the token. */
export async function signClaims(claims: TokenClaims, secret: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader(TOKEN_HEADER).sign(await importHmacKey(secret));
}

function readSecret(key: SigningKey): string {
  const id = readKeyId(key);

  // An empty secret would make an HMAC anyone can compute, so the key counts as unknown.
  if (typeof key.secret !== "string" || key.secret === "") {
    throw new TokenInputError("key", `unknown key '${id}'`);
  }

  return key.secret;
}

function readKeyId(key: SigningKey | undefined): string {
  if (typeof key?.id !== "string" || key.id === "") {
    throw new TokenInputError("key", "key ID is required");
  }

  return key.id;
}

function readAccess(access: unknown): TokenAccess {
  if (access === undefined) {
    return "client";
  }
  if (access === "client" || access === "server") {
    return access;
  }

  throw new TokenInputError("access", `access must be "client" or "server", got ${JSON.stringify(access)}`);
}

function readNow(now: unknown): number {
  // Read the clock on every call, so each token gets its own iat.
  if (now === undefined) {
    return Math.floor(Date.now() / 1000);
  }
  if (typeof now !== "number" || !Number.isSafeInteger(now) || now < 0) {
    throw new TokenInputError("now", "now must be a non-negative integer number of seconds");
  }

  return now;
}

function readAudience(options: BuildTokenOptions, access: TokenAccess): string {
  const env = options.env ?? "prod";

  // env becomes part of a host name, so it must be a single DNS label.
  if (typeof env !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(env)) {
    throw new TokenInputError("env", `env must be lowercase letters, digits and '-', such as "prod" or "dev"`);
  }

  if (options.audience === undefined) {
    return `https://api.${env}.bit6.com/${access}`;
  }
  if (typeof options.audience !== "string" || options.audience.trim() === "") {
    throw new TokenInputError("audience", "audience must be a non-empty string");
  }

  return options.audience;
}

function readGrants(grants: unknown): Grants {
  const result = parseGrants(grants);
  if (!result.ok) {
    throw new TokenInputError(result.field, result.message);
  }

  return result.grants;
}

function readSubject(options: BuildTokenOptions, access: TokenAccess): string | undefined {
  if (access === "server") {
    rejectServerSubject("identity", options.identity);
    rejectServerSubject("device", options.device);
    return undefined;
  }

  const identity = readSubjectField("identity", options.identity);
  const device = readSubjectField("device", options.device);
  return `${identity}/${device}`;
}

function readSubjectField(field: SubjectField, value: unknown): string {
  if (value === undefined) {
    throw new TokenInputError(field, `${field} is required`);
  }
  if (typeof value !== "string") {
    throw new TokenInputError(field, `${field} must be a string`);
  }

  const problem = findSubjectProblem(field, value);
  if (problem !== null) {
    throw new TokenInputError(field, problem);
  }

  return value;
}

function rejectServerSubject(field: SubjectField, value: unknown): void {
  if (value !== undefined) {
    throw new TokenInputError(field, `${field} must be left out for server access, which has no sub`);
  }
}

/**
 * Returns exp from ttl or an explicit exp. With neither, it returns undefined and the
 * token has no exp, as the reference builder does. Request schemas add the default
 * ttl, so only direct callers of this library can mint a token without exp.
 */
function readExpiry(options: BuildTokenOptions, iat: number): number | undefined {
  const { ttl, exp } = options;

  if (ttl !== undefined && exp !== undefined) {
    throw new TokenInputError("ttl", "give either ttl or exp, not both");
  }

  if (ttl !== undefined) {
    const problem = findTtlProblem(ttl);
    if (problem !== null) {
      throw new TokenInputError("ttl", problem);
    }
    return iat + ttl;
  }

  if (exp !== undefined) {
    if (typeof exp !== "number" || !Number.isSafeInteger(exp)) {
      throw new TokenInputError("exp", "exp must be an integer number of seconds");
    }
    if (exp <= iat) {
      throw new TokenInputError("exp", `exp must be after iat (${iat})`);
    }
    return exp;
  }

  return undefined;
}
