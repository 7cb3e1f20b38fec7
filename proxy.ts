import { NextResponse, type NextRequest } from "next/server";

// Auth.js session cookie names, plain and with the __Secure- prefix it uses
// over HTTPS.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// Sends signed-out visitors of console pages to sign-in, remembering the page
// they asked for. This only improves the redirect: every page, action and
// route checks the session itself, because a cookie can be present but stale.
export function proxy(request: NextRequest): NextResponse {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || hasChunkedCookie(request, name));
  if (hasSession) {
    return NextResponse.next();
  }

  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

// Auth.js splits a large session cookie into name.0, name.1, ...
function hasChunkedCookie(request: NextRequest, name: string): boolean {
  return request.cookies.has(`${name}.0`);
}

export const config = {
  matcher: ["/apps/:path*", "/inspect/:path*", "/account/:path*", "/api-docs/:path*"],
};
