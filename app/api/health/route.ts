import { readRequestId } from "@/lib/http/read-request-id";

// Liveness: returns 200 while the process serves HTTP, without touching the
// database, so an orchestrator restarts only a console that hangs.
export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const requestId = readRequestId({ header: (name) => request.headers.get(name) });
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store", "x-request-id": requestId } });
}
