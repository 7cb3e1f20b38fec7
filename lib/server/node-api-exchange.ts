import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import type { ApiReply, ApiRequest } from "@/lib/http/api-exchange";
import { readNodeRequestText } from "@/lib/http/read-node-request-text";
import { resolveClientIp } from "@/lib/http/resolve-client-ip";

// Adds the socket's peer address to X-Forwarded-For, as every proxy does, so
// the last entry is always an address the client could not choose.
export function appendForwardedFor(request: IncomingMessage): string {
  const peer = request.socket.remoteAddress ?? "unknown";
  const given = request.headers["x-forwarded-for"];
  const list = Array.isArray(given) ? given.join(", ") : given;

  const forwardedFor = list && list.trim() !== "" ? `${list}, ${peer}` : peer;
  request.headers["x-forwarded-for"] = forwardedFor;
  return forwardedFor;
}

// Adapts a node:http request to the server-independent ApiRequest. Call
// appendForwardedFor first.
export function fromNodeRequest(request: IncomingMessage, trustedProxies: number): ApiRequest {
  return {
    method: request.method ?? "GET",
    header: (name) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
    clientIp: resolveClientIp({ forwardedFor: request.headers["x-forwarded-for"] as string | undefined ?? null, trustedProxies }),
    readText: () => readNodeRequestText(request),
  };
}

export function sendNodeReply(response: ServerResponse, reply: ApiReply): void {
  response.writeHead(reply.status, reply.headers);
  response.end(reply.body ?? undefined);
}
