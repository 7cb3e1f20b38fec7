import type { ApiRequest } from "./api-exchange";
import type { RequestContext } from "./request-context";

const MAX_USER_AGENT_LENGTH = 512;

// The audit log's view of an API request: the client address resolved
// through the trusted proxies, and the user agent.
export function readApiRequestContext(request: Pick<ApiRequest, "clientIp" | "header">): RequestContext {
  return { ip: request.clientIp, userAgent: request.header("user-agent")?.slice(0, MAX_USER_AGENT_LENGTH) ?? null };
}
