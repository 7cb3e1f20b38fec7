import "server-only";

import { randomUUID } from "node:crypto";

import { reportDatabaseError } from "@/lib/db/database-health";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/database-unavailable";
import { logger } from "@/lib/log/logger";

import { ERROR_STATUS, isConsoleError, type ErrorCode } from "./console-error";
import { InputError, type FieldError } from "./parse-input";
import { RateLimitError } from "./rate-limit-error";

const TITLES: Record<ErrorCode, string> = {
  invalid_input: "Invalid input",
  invalid_json: "Invalid JSON body",
  unauthenticated: "Authentication required",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  invalid_config: "Server misconfigured",
  internal: "Internal server error",
  unavailable: "Service unavailable",
};

// An RFC 9457 problem details body. `type` is a stable URN per error code,
// and `code` repeats it in short form for clients that branch on it.
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  field?: string;
  errors?: FieldError[];
  requestId: string;
}

export function problemTypeFor(code: ErrorCode): string {
  return `urn:bit6-console:problem:${code.replace(/_/g, "-")}`;
}

// A problem response as status, headers and JSON text, for the HTTP front
// that writes to node:http directly as well as for route handlers.
export interface ProblemReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// Builds the problem reply for any error. Errors that are not a
// ConsoleError below 500 are logged with the request ID and get a reply with a
// generic message, so no internal text reaches the client.
// `challenge` is the WWW-Authenticate value sent with a 401, for routes that
// take HTTP authentication. A RateLimitError adds Retry-After.
export function buildProblemReply(error: unknown, options: { requestId?: string; challenge?: string } = {}): ProblemReply {
  const requestId = options.requestId ?? randomUUID();
  const problem = toProblem(error, requestId);

  const headers: Record<string, string> = { "content-type": "application/problem+json", "cache-control": "no-store" };
  if (problem.code === "unauthenticated" && options.challenge) {
    headers["www-authenticate"] = options.challenge;
  }
  if (error instanceof RateLimitError) {
    headers["retry-after"] = String(error.retryAfterSeconds);
  }
  if (problem.code === "unavailable") {
    headers["retry-after"] = String(DATABASE_RETRY_AFTER_SECONDS);
  }

  return { status: problem.status, headers, body: JSON.stringify(problem) };
}

// Builds the problem response for any error, as buildProblemReply does,
// with `headers` added (such as CORS headers).
export function problemResponse(
  error: unknown,
  options: { requestId?: string; headers?: HeadersInit; challenge?: string } = {},
): Response {
  const reply = buildProblemReply(error, options);

  const headers = new Headers(options.headers);
  for (const [name, value] of Object.entries(reply.headers)) {
    headers.set(name, value);
  }

  return new Response(reply.body, { status: reply.status, headers });
}

function toProblem(error: unknown, requestId: string): ProblemDetails {
  if (isConsoleError(error) && error.status < 500) {
    return {
      type: problemTypeFor(error.code),
      title: TITLES[error.code],
      status: ERROR_STATUS[error.code],
      detail: error.message,
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      ...(error instanceof InputError ? { errors: error.fieldErrors } : {}),
      requestId,
    };
  }

  // A database outage is expected to pass: reportDatabaseError logs it once,
  // and the 503 response invites the client to retry.
  if (reportDatabaseError(error)) {
    return { type: problemTypeFor("unavailable"), title: TITLES.unavailable, status: 503, detail: DATABASE_UNAVAILABLE_MESSAGE, code: "unavailable", requestId };
  }

  logger.error({ err: error, requestId }, "request failed");
  const code: ErrorCode = isConsoleError(error) && error.code === "unavailable" ? "unavailable" : "internal";
  return {
    type: problemTypeFor(code),
    title: TITLES[code],
    status: ERROR_STATUS[code],
    detail: `the server failed to handle this request; quote request ID ${requestId} when reporting it`,
    code,
    requestId,
  };
}
