import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";

import { auth } from "@/lib/auth/auth";

// Auth.js session cookie names, plain and with the __Secure- prefix it uses
// over HTTPS.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// Auth.js re-signs the session JWT with a fresh 12-hour expiry each time it
// reads the session where it can set a cookie, which a server component
// cannot. Reading it here, on every page load, makes a session expire after
// 12 hours of inactivity instead of 12 hours after sign-in.
// With a lazy (function) config, next-auth 5.0.0-beta.32 returns the wrapped
// handler inside a promise, whatever its type says; awaiting works for both.
const refreshSession = Promise.resolve(auth((_request: NextRequest & { auth: unknown }, _event: NextFetchEvent) => undefined));

// Sends signed-out visitors of console pages to sign-in, remembering the page
// they asked for, and extends the session of signed-in ones. This only
// improves the redirect: every page, action and route checks the session
// itself, because a cookie can be present but stale.
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || hasChunkedCookie(request, name));
  if (!hasSession) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(signIn);
  }

  // Only page loads: a server action such as a password change sets a new
  // session cookie itself, which a refreshed copy of the old one could race.
  if (request.method !== "GET" && request.method !== "HEAD") {
    return NextResponse.next();
  }

  const refresh = await refreshSession;
  return (await refresh(request, event)) ?? NextResponse.next();
}

// Auth.js splits a large session cookie into name.0, name.1, ...
function hasChunkedCookie(request: NextRequest, name: string): boolean {
  return request.cookies.has(`${name}.0`);
}

export const config = {
  matcher: ["/apps/:path*", "/inspect/:path*", "/account/:path*", "/api-docs/:path*"],
};
