// The closed set of error codes the console produces. Each maps to one HTTP
// status in lib/errors/problem-details.ts, and clients branch on the code,
// never on the message.
export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  invalid_config: 500,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

// An error whose message is safe to show to the person or client that caused
// it: it names the value and the fix, and never contains a secret.
export class ConsoleError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "ConsoleError";
    this.code = code;
    this.field = options.field;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isConsoleError(error: unknown): error is ConsoleError {
  return error instanceof ConsoleError;
}
