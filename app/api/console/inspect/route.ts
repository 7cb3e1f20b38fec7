import { z } from "zod";

import { parseInput } from "@/lib/errors/parse-input";
import { readRequestFields } from "@/lib/http/read-request-fields";
import { sessionRoute } from "@/lib/http/session-route";
import { inspectToken } from "@/lib/inspect/inspect-token";

const inspectRequestSchema = z.object({ token: z.string({ error: "token is required: send the token to inspect as a string" }) });

// Verifies a token against the keys of the caller's apps, with the same
// verdicts as the inspect page.
export const POST = sessionRoute(async ({ actor, request }) => {
  const { token } = parseInput(inspectRequestSchema, await readRequestFields(request));
  const result = await inspectToken({ actor, token });

  return Response.json(
    { verdict: result.verdict, message: result.message, key: result.key ?? null, notes: result.notes, warnings: result.warnings },
    { headers: { "cache-control": "no-store" } },
  );
});
