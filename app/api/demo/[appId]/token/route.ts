import { randomUUID } from "node:crypto";

import { issueDemoToken } from "@/lib/demo/issue-demo-token";
import { problemResponse } from "@/lib/errors/problem-details";
import { readRequestFields } from "@/lib/http/read-request-fields";
import { readRequestContext } from "@/lib/http/request-context";

// Browser apps on any origin call the demo endpoint directly, as the
// reference sample server allows.
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "content-type",
  "access-control-max-age": "600",
};

export async function POST(request: Request, context: { params: Promise<{ appId: string }> }): Promise<Response> {
  const requestId = request.headers.get("x-request-id") ?? randomUUID();

  try {
    const { appId } = await context.params;
    const { token } = await issueDemoToken({
      appId,
      readFields: () => readRequestFields(request),
      context: readRequestContext(request.headers),
      origin: request.headers.get("origin"),
    });

    return Response.json({ token }, { headers: { ...CORS_HEADERS, "cache-control": "no-store", "x-request-id": requestId } });
  } catch (error) {
    return problemResponse(error, { requestId, headers: { ...CORS_HEADERS, "x-request-id": requestId } });
  }
}

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}
