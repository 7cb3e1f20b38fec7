import "server-only";

import { ConsoleError } from "@/lib/errors/console-error";
import { buildProblemReply } from "@/lib/errors/problem-details";
import type { ApiReply, ApiRequest } from "@/lib/http/api-exchange";
import { readApiRequestContext } from "@/lib/http/read-api-request-context";
import { parseRequestBody, readMediaType } from "@/lib/http/parse-request-body";
import { readRequestId } from "@/lib/http/read-request-id";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";

import { issueDemoToken } from "./issue-demo-token";

// Browser apps on any origin call the demo endpoint directly, as the
// reference sample server allows. A key's allowed origins are checked on
// the server instead, with a 403 the browser can read.
export const DEMO_CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "content-type",
  "access-control-max-age": "600",
};

// Serves POST and OPTIONS /api/demo/<appId>/token. The client address is
// rate-limited first, then issueDemoToken checks that the endpoint is on,
// limits its key and applies the key's restrictions, including the allowed
// origins against the Origin header.
export async function handleDemoRequest(appId: string, request: ApiRequest): Promise<ApiReply> {
  const requestId = readRequestId(request);

  if (request.method === "OPTIONS") {
    return { status: 204, headers: { ...DEMO_CORS_HEADERS }, body: null };
  }

  try {
    if (request.method !== "POST") {
      throw new ConsoleError("method_not_allowed", `method ${request.method} is not supported here: send POST`);
    }

    enforceRateLimit("demoPerIp", request.clientIp);

    const { token } = await issueDemoToken({
      appId,
      origin: request.header("origin"),
      context: readApiRequestContext(request),
      readFields: async () => {
        const mediaType = readMediaType(request.header("content-type"));
        return parseRequestBody(mediaType, await request.readText()).fields;
      },
    });

    return {
      status: 200,
      headers: { ...DEMO_CORS_HEADERS, "content-type": "application/json", "cache-control": "no-store", "x-request-id": requestId },
      body: JSON.stringify({ token }),
    };
  } catch (error) {
    const reply = buildProblemReply(error, { requestId });
    Object.assign(reply.headers, DEMO_CORS_HEADERS, { "x-request-id": requestId });
    if (reply.status === 405) {
      reply.headers.allow = "POST, OPTIONS";
    }
    return reply;
  }
}
