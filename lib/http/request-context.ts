import "server-only";

// Who sent a request, as the audit log records it.
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

const MAX_USER_AGENT_LENGTH = 512;

// Reads the client address and user agent. X-Forwarded-For is believed only
// when TRUST_PROXY is set, because any client can send that header; behind a
// reverse proxy the left-most address is the client the proxy saw.
export function readRequestContext(headers: Headers, socketAddress: string | null = null): RequestContext {
  const userAgent = headers.get("user-agent")?.slice(0, MAX_USER_AGENT_LENGTH) ?? null;

  if (process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1") {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    const realIp = headers.get("x-real-ip")?.trim();
    return { ip: forwarded || realIp || socketAddress, userAgent };
  }

  return { ip: socketAddress, userAgent };
}

// The context of the server action or route handler being run, or an empty
// one outside a Next.js request (scripts, tests, the lean HTTP front, which
// pass their own).
export async function currentRequestContext(): Promise<RequestContext> {
  try {
    const { headers } = await import("next/headers");
    const requestHeaders = await headers();
    // Next.js does not expose the socket address to server actions, so
    // without a trusted proxy header the address stays unknown.
    return readRequestContext(new Headers(requestHeaders));
  } catch {
    return { ip: null, userAgent: null };
  }
}
