import "server-only";

import { ConsoleError } from "@/lib/errors/console-error";
import { buildProblemReply } from "@/lib/errors/problem-details";
import type { ApiReply, ApiRequest } from "@/lib/http/api-exchange";
import { readApiRequestContext } from "@/lib/http/read-api-request-context";
import { parseRequestBody, readMediaType } from "@/lib/http/parse-request-body";
import { readRequestId } from "@/lib/http/read-request-id";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";

import { authenticateApiKey } from "./authenticate-api-key";
import { mintApiToken } from "./mint-api-token";
import { verifyApiToken } from "./verify-api-token";

export type TokenApiOperation = "mint" | "verify";

export const BASIC_CHALLENGE = 'Basic realm="bit6-console", charset="UTF-8"';

// Serves POST /api/v2/tokens ("mint") and POST /api/v2/tokens/verify. The
// guards run in this order, each before any work it protects:
// 1. the method is POST (405);
// 2. the client address is within its rate limit (429), before the secret
//    is checked, so guessing secrets is limited too;
// 3. HTTP Basic auth names a usable key with the right secret (401);
// 4. the key is within its rate limit (429);
// 5. the body is a form or JSON of at most 64 KiB (415, 413, 400);
// 6. the fields follow the token rules and the key's restrictions (400, 403).
export async function handleTokenApiRequest(operation: TokenApiOperation, request: ApiRequest): Promise<ApiReply> {
  const requestId = readRequestId(request);

  try {
    if (request.method !== "POST") {
      throw new ConsoleError("method_not_allowed", `method ${request.method} is not supported here: send POST`);
    }

    const context = readApiRequestContext(request);
    enforceRateLimit("apiPerIp", request.clientIp);
    const key = await authenticateApiKey({ authorization: request.header("authorization"), context });
    enforceRateLimit("apiPerKey", key.id);

    const mediaType = readMediaType(request.header("content-type"));
    const body = parseRequestBody(mediaType, await request.readText());

    const result =
      operation === "mint" ? await mintApiToken({ key, body, context }) : await verifyApiToken({ key, fields: body.fields, context });

    return {
      status: operation === "mint" ? 201 : 200,
      headers: { "content-type": "application/json", "cache-control": "no-store", "x-request-id": requestId },
      body: JSON.stringify(result),
    };
  } catch (error) {
    const reply = buildProblemReply(error, { requestId, challenge: BASIC_CHALLENGE });
    reply.headers["x-request-id"] = requestId;
    if (reply.status === 405) {
      reply.headers.allow = "POST";
    }
    return reply;
  }
}
