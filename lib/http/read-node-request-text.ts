import type { IncomingMessage } from "node:http";

import { bodyTooLarge, MAX_BODY_BYTES } from "./read-request-text";

// Reads a node:http request's body as UTF-8 text, at most MAX_BODY_BYTES.
// A declared Content-Length over the limit is refused before anything is
// read, and a chunked body is counted while it arrives. Past the limit the
// rest of the body is drained unread, so the connection can still carry
// the 413 reply.
export function readNodeRequestText(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers["content-length"] ?? "0");
  if (declared > MAX_BODY_BYTES) {
    request.resume();
    return Promise.reject(bodyTooLarge(declared));
  }

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let failed = false;

    request.on("data", (chunk: Buffer) => {
      if (failed) {
        return;
      }
      total += chunk.byteLength;
      if (total > MAX_BODY_BYTES) {
        failed = true;
        chunks.length = 0;
        reject(bodyTooLarge(total));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (!failed) {
        resolve(Buffer.concat(chunks).toString("utf8"));
      }
    });
    request.on("error", (error) => {
      if (!failed) {
        failed = true;
        reject(error);
      }
    });
  });
}
