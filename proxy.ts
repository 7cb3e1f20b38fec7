import { NextResponse, type NextRequest } from "next/server";

import { checkDatabaseAvailable } from "@/lib/db/database-health";
import { buildUnavailableResponse } from "@/lib/http/build-unavailable-response";
import { resolveRequestId } from "@/lib/http/resolve-request-id";

// Probes that report on the database themselves.
const PROBE_PATHS = new Set(["/api/health", "/api/ready"]);

// Runs before every page, server action and route handler (Node.js runtime,
// same process). It gives each request an X-Request-ID that handlers log
// and echo. While the database is known to be down it returns 503 at once
// instead of letting each page fail on its own.
export async function proxy(request: NextRequest): Promise<Response> {
  const requestId = resolveRequestId(request.headers.get("x-request-id"));
  const { pathname } = request.nextUrl;

  // Server actions expect a React response, so they are let through and
  // their own error handling returns "the database is unavailable".
  const isServerAction = request.headers.has("next-action");
  if (!PROBE_PATHS.has(pathname) && !isServerAction && !(await checkDatabaseAvailable())) {
    return buildUnavailableResponse({ pathname, accept: request.headers.get("accept"), requestId });
  }

  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // Static build output needs neither an ID nor the database.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
