import * as z from "zod";

import { parseGrants, type Grants } from "./grants";

export const TTL_MIN_SECONDS = 60;
export const TTL_MAX_SECONDS = 86400;
export const TTL_DEFAULT_SECONDS = 3600;
/** Maximum length of an identity or a device, in Unicode code points. */
export const IDENTITY_MAX_LENGTH = 128;
/** Maximum size of a pasted token, in UTF-8 bytes of the raw input. */
export const TOKEN_MAX_BYTES = 16384;
/** How far iat or nbf may lie in the future before a token is not yet valid. */
export const CLOCK_SKEW_SECONDS = 60;

export const TTL_TYPE_MESSAGE = "ttl must be an integer number of seconds";
export const TTL_RANGE_MESSAGE = `ttl must be from ${TTL_MIN_SECONDS} to ${TTL_MAX_SECONDS} seconds`;

/** The two parts of the `sub` claim, `identity/device`. */
export type SubjectField = "identity" | "device";

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Returns why `value` cannot be the identity or device of a token, or null when it can.
 * Colons, `+`, `@` and any printable Unicode are allowed.
 */
export function findSubjectProblem(field: SubjectField, value: string): string | null {
  if (value === "") {
    return `${field} is required`;
  }
  if (value.trim() === "") {
    return `${field} must not be blank`;
  }

  const length = [...value].length;
  if (length > IDENTITY_MAX_LENGTH) {
    return `${field} must be at most ${IDENTITY_MAX_LENGTH} characters, got ${length}`;
  }

  const control = /\p{Cc}/u.exec(value);
  if (control !== null) {
    return `${field} must not contain control characters (found ${formatCodePoint(control[0])})`;
  }

  // A lone surrogate has no UTF-8 form, so the signed sub would differ from what was typed.
  if (/\p{Cs}/u.test(value)) {
    return `${field} must be valid Unicode text (found an unpaired surrogate)`;
  }

  if (value.includes("/")) {
    return `${field} must not contain '/' (got ${quoteValue(value)}): it separates identity from device in sub`;
  }
  if (value.trim() !== value) {
    return `${field} must not start or end with whitespace (got ${quoteValue(value)})`;
  }

  return null;
}

// Shows a rejected value in a message, shortened so that a pasted paragraph
// does not flood it. Callers have already ruled out control characters.
function quoteValue(value: string): string {
  const characters = [...value];
  const shown = characters.length > 40 ? `${characters.slice(0, 40).join("")}…` : value;
  return JSON.stringify(shown);
}

/** Returns why `ttl` is not an allowed token lifetime, or null when it is. */
export function findTtlProblem(ttl: unknown): string | null {
  if (typeof ttl !== "number" || !Number.isInteger(ttl)) {
    return TTL_TYPE_MESSAGE;
  }
  if (ttl < TTL_MIN_SECONDS || ttl > TTL_MAX_SECONDS) {
    return `${TTL_RANGE_MESSAGE}, got ${ttl}`;
  }

  return null;
}

function createSubjectSchema(field: SubjectField) {
  const typeSchema = z.string({
    error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`),
  });

  return typeSchema.superRefine((value, context) => {
    const problem = findSubjectProblem(field, value);
    if (problem !== null) {
      context.addIssue({ code: "custom", message: problem });
    }
  });
}

export const identitySchema = createSubjectSchema("identity");
export const deviceSchema = createSubjectSchema("device");

/** Token lifetime in seconds. A JSON string such as "3600" is rejected. */
export const ttlSchema = z.number({ error: TTL_TYPE_MESSAGE }).superRefine((ttl, context) => {
  const problem = findTtlProblem(ttl);
  if (problem !== null) {
    context.addIssue({ code: "custom", message: problem });
  }
});

/** Grants as an object or a list of names. Missing grants mean `{}`. */
export const grantsSchema = z
  .unknown()
  .optional()
  .transform((input, context): Grants => {
    const result = parseGrants(input);
    if (!result.ok) {
      context.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }
    return result.grants;
  });

/**
 * Request to mint a client token. A missing ttl means the default of 3600 seconds, so
 * a request never yields a token without exp. Fields not listed here are dropped.
 */
export const mintRequestSchema = z.object(
  {
    identity: identitySchema,
    device: deviceSchema,
    grants: grantsSchema,
    ttl: ttlSchema.default(TTL_DEFAULT_SECONDS),
  },
  { error: "the request must be a JSON object with identity, device, grants and ttl" },
);

export type MintRequest = z.output<typeof mintRequestSchema>;

/** Mint form fields as submitted, all text. Other fields of the form are ignored. */
export interface MintFormFields {
  identity?: string | undefined;
  device?: string | undefined;
  /** Grant names separated by commas or spaces, such as "chat,video". */
  grants?: string | undefined;
  /** Whole seconds, such as "3600". */
  ttl?: string | undefined;
}

export type MintRequestResult =
  | { ok: true; request: MintRequest }
  | { ok: false; errors: FieldError[] };

/** Validates a parsed JSON body, where ttl must be a JSON number. */
export function parseMintRequest(body: unknown): MintRequestResult {
  return toMintRequestResult(mintRequestSchema.safeParse(body));
}

/**
 * Validates form fields, which are all strings. The ttl text must be a whole number of
 * seconds ("3600"). Other text such as "3600.5" or "1e9" is passed on unchanged, so the
 * schema rejects it as not an integer. An empty ttl or grants field counts as missing.
 */
export function parseMintForm(fields: Readonly<MintFormFields>): MintRequestResult {
  const body = {
    identity: fields.identity,
    device: fields.device,
    grants: fields.grants,
    ttl: readFormSeconds(fields.ttl),
  };

  return parseMintRequest(body);
}

/** Lists each issue of a ZodError with its field path ("request" for the body itself). */
export function listFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : "request",
    message: issue.message,
  }));
}

function toMintRequestResult(parsed: z.ZodSafeParseResult<MintRequest>): MintRequestResult {
  if (parsed.success) {
    return { ok: true, request: parsed.data };
  }

  return { ok: false, errors: listFieldErrors(parsed.error) };
}

function readFormSeconds(text: string | undefined): number | string | undefined {
  if (text === undefined || text.trim() === "") {
    return undefined;
  }

  const trimmed = text.trim();
  if (/^-?\d+$/.test(trimmed)) {
    return Number(trimmed);
  }

  return text;
}

function formatCodePoint(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}
