import { auditFilterSchema } from "@/lib/audit/audit-filters";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { parseInput } from "@/lib/errors/parse-input";
import { sessionRoute } from "@/lib/http/session-route";

// Downloads the app's audit log as CSV, with the same filters as the audit
// page in the query string. Only owners may read it (audit.read).
export const GET = sessionRoute<{ appId: string }>(async ({ actor, request, params }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const filters = parseInput(auditFilterSchema, query);
  const csv = await exportAuditEvents({ actor, appId: params.appId, filters });

  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${params.appId}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
