import type { ApiRequest } from "./api-exchange";
import { readUserAgent, type RequestContext } from "./request-context";

// The audit log's view of an API request: the client address resolved
// through the trusted proxies, and the user agent.
export function readApiRequestContext(request: Pick<ApiRequest, "clientIp" | "header">): RequestContext {
  return { ip: request.clientIp, userAgent: readUserAgent(request.header("user-agent")) };
}
