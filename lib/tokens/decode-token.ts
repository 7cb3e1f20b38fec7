// Browser-safe: a client component imports this module, so it uses only atob and TextDecoder.
import { TOKEN_MAX_BYTES } from "./token-rules";

export type JsonObject = Record<string, unknown>;

/** The three dot-separated parts as pasted, so a signature can be checked over the original bytes. */
export interface TokenSegments {
  header: string;
  payload: string;
  signature: string;
}

export type TimeClaimName = "exp" | "nbf" | "iat";

export interface TimeDescription {
  /** ISO 8601 UTC text, or null when the time is beyond the range of Date. */
  iso: string | null;
  /** Distance from the clock, such as "in 1 hour" or "56 years ago". */
  relative: string;
}

/** A time claim as found in the payload, with its date when it is a number of seconds. */
export interface TimeClaim {
  name: TimeClaimName;
  value: unknown;
  seconds: number | null;
  time: TimeDescription | null;
}

export interface DecodedToken {
  ok: true;
  /** The token after normalizeTokenInput removed whitespace, quotes and prefixes. */
  token: string;
  segments: TokenSegments;
  header: JsonObject;
  payload: JsonObject;
  timeClaims: TimeClaim[];
  /** Changes made to the pasted text. */
  notes: string[];
  /** Claims that are readable but probably wrong, such as a time in milliseconds. */
  warnings: string[];
  /** Claims that make the token invalid, such as an exp given as a string. */
  errors: string[];
}

export interface DecodeFailure {
  ok: false;
  verdict: "malformed";
  message: string;
  notes: string[];
}

export type DecodeResult = DecodedToken | DecodeFailure;

export type NormalizeResult =
  | { ok: true; token: string; notes: string[] }
  | { ok: false; message: string; notes: string[] };

export interface DecodeOptions {
  /** Clock in seconds for relative times, read at the call unless given. */
  now?: number;
}

/**
 * Maximum nesting of objects and arrays in the header or payload. In Node 20, JSON.parse
 * accepted a million levels, but JSON.stringify and structuredClone threw RangeError at
 * 6000, which a 16 KB token can reach. Bit6 claims nest two levels deep.
 */
export const JSON_MAX_DEPTH = 100;

const TIME_CLAIM_NAMES: readonly TimeClaimName[] = ["exp", "nbf", "iat"];

// Seconds since 1970 pass 1e11 only in the year 5138, so a larger value is likely milliseconds.
const MILLISECONDS_THRESHOLD = 1e11;

const SECONDS_PER_UNIT: readonly [string, number][] = [
  ["year", 365 * 86400],
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/**
 * Extracts the token from text as a person pastes it. It removes surrounding whitespace
 * and quotes, an `Authorization:` header name, a `Bearer` prefix and line breaks, with
 * a note for each. Input over TOKEN_MAX_BYTES is rejected before any of that.
 */
export function normalizeTokenInput(raw: unknown): NormalizeResult {
  if (typeof raw !== "string") {
    return { ok: false, message: "malformed: the token must be a string", notes: [] };
  }

  const size = utf8ByteLength(raw);
  if (size > TOKEN_MAX_BYTES) {
    return { ok: false, message: `token too large (${size} bytes, maximum ${TOKEN_MAX_BYTES})`, notes: [] };
  }

  const notes = new Set<string>();
  let text = trimWhitespace(raw, notes);

  text = trimWhitespace(removeQuotes(text, notes), notes);
  text = trimWhitespace(removeAuthorizationName(text, notes), notes);
  text = trimWhitespace(removeBearerPrefix(text, notes), notes);
  text = trimWhitespace(removeQuotes(text, notes), notes);
  text = removeLineBreaks(text, notes);

  if (text === "") {
    return { ok: false, message: "empty token", notes: [...notes] };
  }

  return { ok: true, token: text, notes: [...notes] };
}

/**
 * Decodes a pasted token without checking its signature. Malformed input gives a failure
 * result instead of an exception, so a page can show every result. Time claims of the
 * wrong type are listed in `errors` instead of failing the decode, so the claims still show.
 */
export function decodeToken(raw: unknown, options: DecodeOptions = {}): DecodeResult {
  const normalized = normalizeTokenInput(raw);
  if (!normalized.ok) {
    return rejectToken(normalized.message, normalized.notes);
  }

  const { token, notes } = normalized;

  const alphabetProblem = findAlphabetProblem(token);
  if (alphabetProblem !== null) {
    return rejectToken(alphabetProblem, notes);
  }

  const parts = token.split(".");
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || header === undefined || payload === undefined || signature === undefined) {
    return rejectToken(`malformed: a signed JWT has 3 segments, this has ${parts.length}`, notes);
  }

  return decodeSegments(token, { header, payload, signature }, notes, options);
}

/** Tells whether a header's alg means an unsigned token, in any letter case. */
export function isUnsignedAlgorithm(alg: unknown): boolean {
  return typeof alg === "string" && alg.toLowerCase() === "none";
}

/**
 * Describes a time in seconds since the epoch. Handles values beyond the range of Date
 * (about year 275760), for which `iso` is null.
 */
export function describeTime(seconds: number, now: number = currentSeconds()): TimeDescription {
  const date = new Date(seconds * 1000);
  const iso = Number.isNaN(date.getTime()) ? null : date.toISOString().replace(".000Z", "Z");

  return { iso, relative: describeDistance(seconds - now) };
}

function decodeSegments(
  token: string,
  segments: TokenSegments,
  notes: string[],
  options: DecodeOptions,
): DecodeResult {
  if (segments.header === "") {
    return rejectToken("malformed: the header segment is empty", notes);
  }
  if (segments.payload === "") {
    return rejectToken("malformed: the payload segment is empty", notes);
  }

  const header = decodeJsonSegment("header", segments.header);
  if (typeof header === "string") {
    return rejectToken(header, notes);
  }

  const payload = decodeJsonSegment("payload", segments.payload);
  if (typeof payload === "string") {
    return rejectToken(payload, notes);
  }

  const signatureProblem = findSignatureProblem(segments.signature, header.alg);
  if (signatureProblem !== null) {
    return rejectToken(signatureProblem, notes);
  }

  const now = options.now ?? currentSeconds();
  const timeClaims = readTimeClaims(payload, now);

  return {
    ok: true,
    token,
    segments,
    header,
    payload,
    timeClaims,
    notes,
    warnings: listTimeWarnings(timeClaims),
    errors: listTimeErrors(timeClaims),
  };
}

// An empty signature is accepted only so that an unsigned (alg none) token can be shown.
function findSignatureProblem(signature: string, alg: unknown): string | null {
  if (signature === "") {
    return isUnsignedAlgorithm(alg) ? null : "malformed: the signature segment is empty";
  }

  const bytes = decodeBase64url("signature", signature);
  return typeof bytes === "string" ? bytes : null;
}

function rejectToken(message: string, notes: string[]): DecodeFailure {
  return { ok: false, verdict: "malformed", message, notes };
}

// Counts as TextEncoder would, where an unpaired surrogate becomes U+FFFD (3 bytes),
// but without copying a large input.
function utf8ByteLength(text: string): number {
  let bytes = 0;

  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);

    if (unit < 0x80) {
      bytes += 1;
    } else if (unit < 0x800) {
      bytes += 2;
    } else if (isSurrogatePair(text, index)) {
      bytes += 4;
      index += 1;
    } else {
      bytes += 3;
    }
  }

  return bytes;
}

function isSurrogatePair(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

function trimWhitespace(text: string, notes: Set<string>): string {
  const trimmed = text.trim();
  if (trimmed !== text) {
    notes.add("whitespace was trimmed");
  }
  return trimmed;
}

function removeQuotes(text: string, notes: Set<string>): string {
  const quoted = /^(["'])([\s\S]*)\1$/.exec(text);
  if (quoted === null) {
    return text;
  }

  notes.add("surrounding quotes were removed");
  return quoted[2] ?? "";
}

function removeAuthorizationName(text: string, notes: Set<string>): string {
  const header = /^authorization\s*:\s*/i.exec(text);
  if (header === null) {
    return text;
  }

  notes.add("the 'Authorization:' header name was removed");
  return text.slice(header[0].length);
}

function removeBearerPrefix(text: string, notes: Set<string>): string {
  const prefix = /^bearer(?:\s+|$)/i.exec(text);
  if (prefix === null) {
    return text;
  }

  notes.add("the 'Bearer' prefix was removed");
  return text.slice(prefix[0].length);
}

// A token wrapped over lines may be indented, so spaces and tabs next to a line break go too.
function removeLineBreaks(text: string, notes: Set<string>): string {
  const joined = text.replace(/(?:[ \t]*[\r\n]+[ \t]*)+/g, "");
  if (joined !== text) {
    notes.add("line breaks were removed");
  }
  return joined;
}

/**
 * Returns the first reason the token is not three runs of base64url, or null.
 * Positions are 0-based indexes in UTF-16 code units of the normalized token,
 * the same indexes String.prototype.slice uses, so a page can highlight the character.
 */
function findAlphabetProblem(token: string): string | null {
  for (let index = 0; index < token.length; index += 1) {
    const character = String.fromCodePoint(token.codePointAt(index) ?? 0);

    if (/^[A-Za-z0-9_.-]$/.test(character)) {
      continue;
    }
    if (character === "=" || character === "+" || character === "/") {
      return "malformed: segments must be unpadded base64url";
    }

    return `malformed: character ${formatCharacter(character)} at position ${index} is not base64url`;
  }

  return null;
}

function formatCharacter(character: string): string {
  if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(character)) {
    return `'${character}'`;
  }

  const codePoint = character.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Decodes one base64url segment, or returns the malformed message. */
function decodeBase64url(name: keyof TokenSegments, segment: string): Uint8Array | string {
  if (segment.length % 4 === 1) {
    return `malformed: the ${name} segment is not valid base64url (a length of ${segment.length} characters cannot be decoded)`;
  }

  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));

  // Unused low bits in the last character would let two texts carry the same bytes.
  if (encodeBase64url(bytes) !== segment) {
    return `malformed: the ${name} segment is not canonical base64url (its last character sets unused bits)`;
  }

  return bytes;
}

function encodeBase64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }

  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes a header or payload segment to a JSON object, or returns the malformed message. */
function decodeJsonSegment(name: "header" | "payload", segment: string): JsonObject | string {
  const bytes = decodeBase64url(name, segment);
  if (typeof bytes === "string") {
    return bytes;
  }

  // ignoreBOM keeps a byte order mark in the text, so JSON.parse rejects it instead of it vanishing.
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) {
      return `malformed: the ${name} is not valid UTF-8`;
    }
    throw error;
  }

  if (measureJsonDepth(text) > JSON_MAX_DEPTH) {
    return `malformed: the ${name} is nested more than ${JSON_MAX_DEPTH} levels deep`;
  }

  const value = parseJson(text);
  if (!isJsonObject(value)) {
    return `malformed: the ${name} must be a JSON object`;
  }

  return value;
}

// Counts brackets outside strings without parsing, so the check cannot overflow the stack.
// Text that is not JSON gets some count here, and JSON.parse rejects it next.
function measureJsonDepth(text: string): number {
  let depth = 0;
  let maxDepth = 0;
  let inString = false;

  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];

    if (inString) {
      if (character === "\\") {
        index += 1;
      } else if (character === '"') {
        inString = false;
      }
      continue;
    }

    if (character === '"') {
      inString = true;
    } else if (character === "{" || character === "[") {
      depth += 1;
      maxDepth = Math.max(maxDepth, depth);
    } else if (character === "}" || character === "]") {
      depth -= 1;
    }
  }

  return maxDepth;
}

// RangeError comes from nesting deep enough to exhaust the stack in engines with a
// recursive parser, though measureJsonDepth already rejects such nesting.
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof RangeError) {
      return undefined;
    }
    throw error;
  }
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readTimeClaims(payload: JsonObject, now: number): TimeClaim[] {
  const claims: TimeClaim[] = [];

  for (const name of TIME_CLAIM_NAMES) {
    if (!Object.hasOwn(payload, name)) {
      continue;
    }

    const value = payload[name];
    const seconds = isSeconds(value) ? value : null;
    const time = seconds === null ? null : describeTime(seconds, now);
    claims.push({ name, value, seconds, time });
  }

  return claims;
}

// JSON.parse turns 1e400 into Infinity, which is a number but no time.
function isSeconds(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function listTimeErrors(claims: TimeClaim[]): string[] {
  return claims
    .filter((claim) => claim.seconds === null)
    .map((claim) => `invalid ${claim.name}: must be a number of seconds`);
}

function listTimeWarnings(claims: TimeClaim[]): string[] {
  const warnings: string[] = [];

  for (const claim of claims) {
    if (claim.seconds === null || claim.seconds <= MILLISECONDS_THRESHOLD) {
      continue;
    }

    const date = claim.time?.iso ?? "beyond the year 275760";
    warnings.push(`${claim.name} looks like milliseconds: read as seconds it is ${date}`);
  }

  return warnings;
}

function describeDistance(seconds: number): string {
  if (seconds === 0) {
    return "now";
  }

  const duration = describeDuration(Math.abs(seconds));
  return seconds > 0 ? `in ${duration}` : `${duration} ago`;
}

// Rounds down to the largest whole unit, so "1 hour" means from 1 hour up to 2 hours.
function describeDuration(seconds: number): string {
  for (const [unit, unitSeconds] of SECONDS_PER_UNIT) {
    const count = Math.floor(seconds / unitSeconds);
    if (count < 1) {
      continue;
    }
    if (count >= 1_000_000) {
      return `more than a million ${unit}s`;
    }

    return count === 1 ? `1 ${unit}` : `${count} ${unit}s`;
  }

  return "less than a second";
}

function currentSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
