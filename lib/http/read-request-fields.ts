import "server-only";

import { ConsoleError } from "@/lib/errors/console-error";

export const MAX_BODY_BYTES = 64 * 1024;

const FORM_TYPE = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

// Reads a POST body given as a form or as JSON into one record of fields.
// Errors name the problem and the fix: 413 over 64 KiB, 415 for any other
// content type, 400 for broken JSON or a form field given twice.
export async function readRequestFields(request: Request): Promise<Record<string, unknown>> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();

  if (mediaType !== FORM_TYPE && mediaType !== JSON_TYPE) {
    throw new ConsoleError(
      "unsupported_media_type",
      `content type '${mediaType || "none"}' is not supported: send ${FORM_TYPE} or ${JSON_TYPE}`,
    );
  }

  const text = await readBodyText(request);

  return mediaType === JSON_TYPE ? parseJsonFields(text) : parseFormFields(text);
}

async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) {
    throw tooLarge(declared);
  }

  if (!request.body) {
    return "";
  }

  // Content-Length may be absent (chunked) or wrong, so count while reading.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;

  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }

    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge(total);
    }
    chunks.push(value);
  }

  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge(bytes: number): ConsoleError {
  return new ConsoleError("payload_too_large", `request body is too large (${bytes} bytes or more, maximum ${MAX_BODY_BYTES})`);
}

function parseJsonFields(text: string): Record<string, unknown> {
  if (text.trim() === "") {
    throw new ConsoleError("invalid_json", "invalid JSON body: the body is empty; send a JSON object such as {\"identity\":\"bob1\",\"device\":\"web1\"}");
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConsoleError("invalid_json", "invalid JSON body: it does not parse; send a JSON object such as {\"identity\":\"bob1\",\"device\":\"web1\"}");
  }

  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConsoleError("invalid_json", "invalid JSON body: it must be a JSON object");
  }

  return value as Record<string, unknown>;
}

function parseFormFields(text: string): Record<string, unknown> {
  const params = new URLSearchParams(text);
  const fields: Record<string, unknown> = {};

  for (const [name, value] of params) {
    if (Object.hasOwn(fields, name)) {
      throw new ConsoleError("invalid_input", `${name} given more than once: send each field once`, { field: name });
    }
    fields[name] = value;
  }

  return fields;
}
