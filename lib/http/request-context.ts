import "server-only";

import { readTrustedProxies, resolveClientIp } from "./resolve-client-ip";

// The sender of a request, as the audit log records it.
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

const MAX_USER_AGENT_LENGTH = 512;

// Reads the client address and user agent. The address comes from
// X-Forwarded-For the way the token API reads it (resolveClientIp). The
// console's HTTP front appends the socket's peer address there, and
// TRUSTED_PROXY_COUNT is the number of proxies in front of it that appended
// theirs.
// NOTE: under a bare `next start`, Next.js 16.4 sets X-Forwarded-For to the
// peer address only when the client sent none, so there a client can choose
// the address it is recorded with.
// Shortens a User-Agent header for the audit log, which keeps at most
// MAX_USER_AGENT_LENGTH characters of it.
export function readUserAgent(value: string | null | undefined): string | null {
  return value?.slice(0, MAX_USER_AGENT_LENGTH) ?? null;
}

export function readRequestContext(headers: Headers): RequestContext {
  const userAgent = readUserAgent(headers.get("user-agent"));
  const ip = resolveClientIp({ forwardedFor: headers.get("x-forwarded-for"), trustedProxies: readTrustedProxies() });

  return { ip: ip === "unknown" ? null : ip, userAgent };
}

// The context of the server action or route handler being run, or an empty
// one outside a Next.js request (scripts, tests, the lean HTTP front, which
// pass their own).
export async function currentRequestContext(): Promise<RequestContext> {
  let requestHeaders: Headers;
  try {
    const { headers } = await import("next/headers");
    requestHeaders = new Headers(await headers());
  } catch {
    return { ip: null, userAgent: null };
  }

  return readRequestContext(requestHeaders);
}
