import { randomUUID } from "node:crypto";

import type { ApiRequest } from "./api-exchange";

// Request IDs from a proxy are kept when they are short and plain, so logs
// and problem replies can be matched with the proxy's. Anything else gets a
// new UUID, so a client cannot inject text into logs.
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

export function readRequestId(request: Pick<ApiRequest, "header">): string {
  const given = request.header("x-request-id");
  return given !== null && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}
