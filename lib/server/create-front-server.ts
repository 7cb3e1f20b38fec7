import "server-only";

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import { handleDemoRequest } from "@/lib/demo/handle-demo-request";
import { buildProblemReply } from "@/lib/errors/problem-details";
import type { ApiReply } from "@/lib/http/api-exchange";
import { readTrustedProxies } from "@/lib/http/resolve-client-ip";
import { handleTokenApiRequest } from "@/lib/token-api/handle-token-api-request";

import { matchFastRoute, type FastRoute } from "./match-fast-route";
import { appendForwardedFor, fromNodeRequest, sendNodeReply } from "./node-api-exchange";

export type FallbackHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

// Creates the console's HTTP server. It serves the token API and the demo
// endpoint itself, with the same handlers as the Next.js route handlers,
// because Next's request path costs about 20 times a bare node:http server
// (bench/README.md). Every other request goes to `fallback`, the Next.js
// request handler in production.
export function createFrontServer(options: { fallback: FallbackHandler; trustedProxies?: number }): Server {
  const trustedProxies = options.trustedProxies ?? readTrustedProxies();

  return createServer((request, response) => {
    appendForwardedFor(request);
    const route = matchFastRoute(request.url ?? "/");

    if (!route) {
      void Promise.resolve(options.fallback(request, response)).catch((error: unknown) => {
        sendFailure(response, error);
      });
      return;
    }

    serveFastRoute(route, fromNodeRequest(request, trustedProxies)).then(
      (reply) => sendNodeReply(response, reply),
      (error: unknown) => sendFailure(response, error),
    );
  });
}

function serveFastRoute(route: FastRoute, request: ReturnType<typeof fromNodeRequest>): Promise<ApiReply> {
  if (route.kind === "demo") {
    return handleDemoRequest(route.appId, request);
  }
  return handleTokenApiRequest(route.kind, request);
}

// The handlers turn every error into a problem reply themselves, so this
// only catches a bug in them or in the fallback. buildProblemReply logs it
// with a request ID.
function sendFailure(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendNodeReply(response, buildProblemReply(error));
}
