import { ConsoleError } from "@/lib/errors/console-error";

export const MAX_BODY_BYTES = 64 * 1024;

// Reads a web Request's body as UTF-8 text, at most MAX_BODY_BYTES.
// Content-Length may be absent (chunked) or wrong, so it counts while
// reading and stops at the limit.
export async function readRequestText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) {
    throw bodyTooLarge(declared);
  }

  if (!request.body) {
    return "";
  }

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
      throw bodyTooLarge(total);
    }
    chunks.push(value);
  }

  return new TextDecoder().decode(Buffer.concat(chunks));
}

export function bodyTooLarge(bytes: number): ConsoleError {
  return new ConsoleError("payload_too_large", `request body is too large (${bytes} bytes or more, maximum ${MAX_BODY_BYTES}): send a smaller body`);
}
