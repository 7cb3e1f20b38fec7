import { handleDemoRequest } from "@/lib/demo/handle-demo-request";
import { fromWebRequest, toWebResponse } from "@/lib/http/web-api-exchange";

// The console's HTTP front (server/main.ts) serves this path itself for
// speed. This route serves it under `next start` and `next dev`, with the
// same handler.
async function serve(request: Request, context: { params: Promise<{ appId: string }> }): Promise<Response> {
  const { appId } = await context.params;
  return toWebResponse(await handleDemoRequest(appId, fromWebRequest(request)));
}

export const POST = serve;
export const OPTIONS = serve;
