import { fromWebRequest, toWebResponse } from "@/lib/http/web-api-exchange";
import { handleTokenApiRequest } from "@/lib/token-api/handle-token-api-request";

// The console's HTTP front (server/main.ts) serves this path itself for
// speed. This route serves it under `next start` and `next dev`, with the
// same handler.
export async function POST(request: Request): Promise<Response> {
  return toWebResponse(await handleTokenApiRequest("mint", fromWebRequest(request)));
}
