import { readTrustedProxies, resolveClientIp } from "@/lib/http/resolve-client-ip";

// Returns the client address that a sign-in attempt counts against in the
// per-address limit. Auth.js builds the request it passes to `authorize`
// from the incoming request's headers, so X-Forwarded-For is the one the
// HTTP front or Next.js set. It is read like the token API reads it, with
// TRUSTED_PROXY_COUNT from `env`.
export function readSignInClientIp(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  return resolveClientIp({ forwardedFor: headers.get("x-forwarded-for"), trustedProxies: readTrustedProxies(env) });
}
