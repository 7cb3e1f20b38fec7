import { buildOpenApiDocument } from "@/lib/api-docs/build-openapi-document";
import { getRequestOrigin } from "@/lib/http/request-origin";

// Public, like the API it describes, because it contains no app data.
export async function GET(): Promise<Response> {
  const document = buildOpenApiDocument({ baseUrl: await getRequestOrigin() });
  return Response.json(document, { headers: { "cache-control": "no-store" } });
}
