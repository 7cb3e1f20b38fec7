import "server-only";

import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/database-unavailable";
import { problemTypeFor } from "@/lib/errors/problem-details";

// Builds the 503 reply for a request that arrives while the database is
// down: problem details for API paths, otherwise a short page that reloads
// itself, so the console comes back by itself once the database does.
export function buildUnavailableResponse(options: { pathname: string; accept: string | null; requestId: string }): Response {
  const headers = new Headers({
    "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
    "cache-control": "no-store",
    "x-request-id": options.requestId,
  });

  const wantsJson = options.pathname.startsWith("/api/") || (options.accept?.includes("json") ?? false);
  if (wantsJson) {
    headers.set("content-type", "application/problem+json");
    const problem = {
      type: problemTypeFor("unavailable"),
      title: "Service unavailable",
      status: 503,
      detail: DATABASE_UNAVAILABLE_MESSAGE,
      code: "unavailable",
      requestId: options.requestId,
    };
    return new Response(JSON.stringify(problem), { status: 503, headers });
  }

  headers.set("content-type", "text/html; charset=utf-8");
  return new Response(renderPage(options.requestId), { status: 503, headers });
}

function renderPage(requestId: string): string {
  // The request ID matches /^[A-Za-z0-9._:-]+$/ or is a UUID
  // (readRequestId), so it needs no HTML escaping.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_SECONDS}">
<title>Console unavailable · Bit6 Console</title>
<style>
body { font-family: system-ui, sans-serif; background: #f8fafc; color: #0f172a; margin: 0; }
main { max-width: 32rem; margin: 15vh auto; padding: 2rem; background: #fff; border: 1px solid #e2e8f0; border-radius: 0.75rem; }
h1 { font-size: 1.25rem; margin: 0 0 0.75rem; }
p { line-height: 1.5; margin: 0.5rem 0; }
small { color: #64748b; }
</style>
</head>
<body>
<main>
<h1>The console cannot reach its database</h1>
<p>This page reloads every ${DATABASE_RETRY_AFTER_SECONDS} seconds and shows the console again as soon as the database answers.</p>
<p>If this lasts, tell the person who runs the console.</p>
<p><small>Request ID ${requestId}</small></p>
</main>
</body>
</html>
`;
}
