import { resolveRequestId } from "@/lib/http/resolve-request-id";

// Liveness: returns 200 while the process serves HTTP, without touching the
// database, so an orchestrator restarts only a console that hangs.
export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const requestId = resolveRequestId(request.headers.get("x-request-id"));
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store", "x-request-id": requestId } });
}
