import { compactVerify, errors } from "jose";

import {
  decodeToken,
  describeTime,
  isUnsignedAlgorithm,
  type DecodeResult,
  type DecodedToken,
} from "./decode-token";
import { importHmacKey } from "./hmac-key";
import { CLOCK_SKEW_SECONDS } from "./token-rules";

export const VERDICT_CODES = [
  "valid",
  "bad-signature",
  "unknown-key",
  "revoked",
  "expired",
  "not-yet-valid",
  "unsupported-algorithm",
  "unsigned",
  "malformed",
] as const;

export type VerdictCode = (typeof VERDICT_CODES)[number];

export const VERDICT_LABELS: Readonly<Record<VerdictCode, string>> = {
  valid: "Valid",
  "bad-signature": "Bad signature",
  "unknown-key": "Unknown key",
  revoked: "Key revoked",
  expired: "Expired",
  "not-yet-valid": "Not yet valid",
  "unsupported-algorithm": "Unsupported algorithm",
  unsigned: "Unsigned",
  malformed: "Malformed",
};

/** A stored API key as the caller's key store returns it. */
export interface VerificationKey {
  id: string;
  secret: string;
  status: "active" | "revoked";
  appId: string;
  appName: string;
}

/** The key and app that a verdict names, without the secret. */
export interface VerifiedKey {
  id: string;
  appId: string;
  appName: string;
}

export interface VerifyOptions {
  /** Clock in seconds since the epoch, read at the call unless given. */
  now?: number;
  /** Returns the key whose key ID is `iss`, or null when there is none. */
  findKey: (iss: string) => Promise<VerificationKey | null>;
}

export interface VerifyResult {
  verdict: VerdictCode;
  message: string;
  /** The decode result, so the claims can be shown for every verdict where decoding worked. */
  decoded: DecodeResult;
  /** Set once the signature is verified. */
  key?: VerifiedKey;
  notes: string[];
  warnings: string[];
}

/** Fields of a verdict other than the decode result, which verifyToken adds. */
type Verdict = Omit<VerifyResult, "decoded">;

/**
 * Verifies a pasted Bit6 v2 token. The guards run in a fixed order, and the first one
 * that fails gives the verdict:
 * 1. The token must decode (malformed).
 * 2. alg none in any letter case is unsigned. This runs before any key lookup, so a forged iss changes nothing.
 * 3. Any alg other than exactly HS256 is never verified (unsupported-algorithm).
 * 4. iss must name a stored key with a secret (unknown-key).
 * 5. The signature must match (bad-signature). No claim is trusted before this step.
 * 6. The key must not be revoked. This comes after the signature, so only a key holder learns it.
 * 7. Time claims must be numbers (malformed).
 * 8. exp must be in the future (expired).
 * 9. nbf and iat may be at most CLOCK_SKEW_SECONDS ahead (not-yet-valid).
 * 10. Otherwise the token is valid.
 * Errors from `findKey` propagate, because a failing key store is not a verdict on the token.
 */
export async function verifyToken(raw: unknown, options: VerifyOptions): Promise<VerifyResult> {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const decoded = decodeToken(raw, { now });
  const verdict = await findVerdict(decoded, options.findKey, now);

  return { ...verdict, decoded };
}

async function findVerdict(
  decoded: DecodeResult,
  findKey: VerifyOptions["findKey"],
  now: number,
): Promise<Verdict> {
  if (!decoded.ok) {
    return { verdict: "malformed", message: decoded.message, notes: decoded.notes, warnings: [] };
  }

  const notes = [...decoded.notes];
  const warnings = [...decoded.warnings];
  const conclude = (verdict: VerdictCode, message: string, key?: VerifiedKey): Verdict =>
    key === undefined ? { verdict, message, notes, warnings } : { verdict, message, key, notes, warnings };

  const algorithmProblem = checkAlgorithm(decoded.header.alg);
  if (algorithmProblem !== null) {
    return conclude(algorithmProblem.verdict, algorithmProblem.message);
  }

  const lookup = await lookUpKey(decoded.payload.iss, findKey);
  if (!lookup.ok) {
    return conclude("unknown-key", lookup.message);
  }

  const storedKey = lookup.key;
  const signatureProblem = await checkSignature(decoded, storedKey);
  if (signatureProblem !== null) {
    return conclude(signatureProblem.verdict, signatureProblem.message);
  }

  const key: VerifiedKey = { id: storedKey.id, appId: storedKey.appId, appName: storedKey.appName };
  const keyName = `key '${key.id}' of app '${key.appName}'`;

  if (storedKey.status === "revoked") {
    return conclude("revoked", `revoked: ${keyName} was revoked`, key);
  }

  const [timeClaimError] = decoded.errors;
  if (timeClaimError !== undefined) {
    return conclude("malformed", timeClaimError, key);
  }

  const timeProblem = checkTimes(decoded, now, notes);
  if (timeProblem !== null) {
    return conclude(timeProblem.verdict, timeProblem.message, key);
  }

  if (!Object.hasOwn(decoded.payload, "exp")) {
    warnings.push("the token has no exp, so it never expires");
  }

  return conclude("valid", `valid: signed by ${keyName}`, key);
}

interface Problem {
  verdict: VerdictCode;
  message: string;
}

function checkAlgorithm(alg: unknown): Problem | null {
  if (isUnsignedAlgorithm(alg)) {
    return { verdict: "unsigned", message: "unsigned: only HS256 is accepted" };
  }
  if (alg === "HS256") {
    return null;
  }

  const message =
    alg === undefined
      ? "unsupported algorithm: the header has no alg, and only HS256 is accepted"
      : `unsupported algorithm ${JSON.stringify(alg)}: only HS256 is accepted`;
  return { verdict: "unsupported-algorithm", message };
}

type KeyLookup = { ok: true; key: VerificationKey } | { ok: false; message: string };

async function lookUpKey(iss: unknown, findKey: VerifyOptions["findKey"]): Promise<KeyLookup> {
  if (iss === undefined) {
    return { ok: false, message: "unknown key: the token has no iss claim naming its key ID" };
  }
  if (typeof iss !== "string") {
    return { ok: false, message: "unknown key: the iss claim must be a key ID string" };
  }

  // A key without a secret cannot have signed anything, so it counts as unknown.
  const key = await findKey(iss);
  if (key === null || key.secret === "") {
    return { ok: false, message: `unknown key '${iss}'` };
  }

  return { ok: true, key };
}

/**
 * Checks the HMAC-SHA256 over the original `header.payload` text of the normalized token,
 * never over re-serialized JSON, whose spacing and key order may differ from what was signed.
 * Branches on jose error codes, which unlike messages are a stable API.
 */
async function checkSignature(decoded: DecodedToken, key: VerificationKey): Promise<Problem | null> {
  // With crit b64 set to false, jose would check the payload text without base64url
  // decoding it, so the claims shown would differ from the bytes signed.
  if (Object.hasOwn(decoded.header, "crit")) {
    return { verdict: "malformed", message: "malformed: the header has a crit parameter, which Bit6 tokens never use" };
  }

  try {
    await compactVerify(decoded.token, await importHmacKey(key.secret), { algorithms: ["HS256"] });
    return null;
  } catch (error) {
    if (!(error instanceof errors.JOSEError)) {
      throw error;
    }
    if (error.code === errors.JWSSignatureVerificationFailed.code) {
      return { verdict: "bad-signature", message: `bad signature: the token was not signed with the secret of key '${key.id}'` };
    }

    return { verdict: "malformed", message: `malformed: the signature could not be checked (${error.code})` };
  }
}

function checkTimes(decoded: DecodedToken, now: number, notes: string[]): Problem | null {
  const { exp, nbf, iat } = decoded.payload;

  if (typeof exp === "number" && exp <= now) {
    const time = describeTime(exp, now);
    return { verdict: "expired", message: `expired ${time.relative} (${time.iso ?? exp})` };
  }

  for (const [name, value] of [["nbf", nbf], ["iat", iat]] as const) {
    if (typeof value !== "number" || value <= now) {
      continue;
    }

    const time = describeTime(value, now);
    if (value - now > CLOCK_SKEW_SECONDS) {
      return { verdict: "not-yet-valid", message: `not yet valid: ${name} is ${time.relative} (${time.iso ?? value})` };
    }
    notes.push(`${name} is ${time.relative}, within the allowed clock skew of ${CLOCK_SKEW_SECONDS} seconds`);
  }

  return null;
}
