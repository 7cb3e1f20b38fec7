import { ConsoleError } from "@/lib/errors/console-error";

export const FORM_TYPE = "application/x-www-form-urlencoded";
export const JSON_TYPE = "application/json";

export type BodyMediaType = typeof FORM_TYPE | typeof JSON_TYPE;

// The fields of a form or JSON body, with the media type they came in,
// because a form's values are all text and JSON's are typed.
export interface RequestBody {
  mediaType: BodyMediaType;
  fields: Record<string, unknown>;
}

// Returns the body's media type from a Content-Type header, or throws a 415
// naming the two accepted types. Call it before reading the body.
export function readMediaType(contentType: string | null): BodyMediaType {
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();

  if (mediaType !== FORM_TYPE && mediaType !== JSON_TYPE) {
    throw new ConsoleError(
      "unsupported_media_type",
      `content type '${mediaType || "none"}' is not supported: send ${FORM_TYPE} or ${JSON_TYPE}`,
    );
  }

  return mediaType;
}

// Parses a body of the given media type into one record of fields. Errors
// name the problem and the fix: 400 for broken JSON or a form field given
// twice.
export function parseRequestBody(mediaType: BodyMediaType, text: string): RequestBody {
  const fields = mediaType === JSON_TYPE ? parseJsonFields(text) : parseFormFields(text);
  return { mediaType, fields };
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
