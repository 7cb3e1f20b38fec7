import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db/database-unavailable";
import { checkReadiness } from "@/lib/health/check-readiness";
import { readRequestId } from "@/lib/http/read-request-id";

// Readiness: 200 while this instance should get traffic, 503 with the
// reason while the database is down, a migration is pending or the console
// is shutting down.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const requestId = readRequestId({ header: (name) => request.headers.get(name) });
  const readiness = await checkReadiness();

  if (readiness.ready) {
    return Response.json({ status: "ready" }, { headers: { "cache-control": "no-store", "x-request-id": requestId } });
  }

  return Response.json(
    { status: "unavailable", reason: readiness.reason },
    {
      status: 503,
      headers: { "cache-control": "no-store", "retry-after": String(DATABASE_RETRY_AFTER_SECONDS), "x-request-id": requestId },
    },
  );
}
