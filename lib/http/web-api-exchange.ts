import "server-only";

import type { ApiReply, ApiRequest } from "./api-exchange";
import { readRequestText } from "./read-request-text";
import { readTrustedProxies, resolveClientIp } from "./resolve-client-ip";

// Adapts a route handler's web Request to the server-independent ApiRequest.
// The client address comes from X-Forwarded-For, which the console's HTTP
// front (or `next start` itself, when the header is absent) sets from the
// socket.
export function fromWebRequest(request: Request): ApiRequest {
  return {
    method: request.method,
    header: (name) => request.headers.get(name),
    clientIp: resolveClientIp({ forwardedFor: request.headers.get("x-forwarded-for"), trustedProxies: readTrustedProxies() }),
    readText: () => readRequestText(request),
  };
}

export function toWebResponse(reply: ApiReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
