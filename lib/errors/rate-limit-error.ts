import { ConsoleError } from "./console-error";

// A 429 error with the number of seconds the client should wait, sent as
// the Retry-After header.
export class RateLimitError extends ConsoleError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super("rate_limited", message);
    this.name = "RateLimitError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
