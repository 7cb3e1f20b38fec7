import "server-only";

import { parseRequestBody, readMediaType } from "./parse-request-body";
import { readRequestText } from "./read-request-text";

export { MAX_BODY_BYTES } from "./read-request-text";

// Reads a POST body given as a form or as JSON into one record of fields.
// Errors name the problem and the fix: 413 over 64 KiB, 415 for any other
// content type, 400 for broken JSON or a form field given twice.
export async function readRequestFields(request: Request): Promise<Record<string, unknown>> {
  const mediaType = readMediaType(request.headers.get("content-type"));
  const text = await readRequestText(request);

  return parseRequestBody(mediaType, text).fields;
}
