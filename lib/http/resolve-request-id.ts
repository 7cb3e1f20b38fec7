import { randomUUID } from "node:crypto";

// Request IDs from a proxy are kept when they are short and plain, so the
// console's logs can be matched with the proxy's. Anything else gets a new
// UUID, so a client cannot put arbitrary text into the logs.
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

// Returns the X-Request-ID a client or proxy sent when it is plain enough to
// log, or a new UUID.
export function resolveRequestId(given: string | null | undefined): string {
  return given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}
