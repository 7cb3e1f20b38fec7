import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";

import { auth } from "@/lib/auth/auth";
import { checkDatabaseAvailable } from "@/lib/db/database-health";
import { buildUnavailableResponse } from "@/lib/http/build-unavailable-response";
import { readRequestId } from "@/lib/http/read-request-id";

// Auth.js session cookie names, plain and with the __Secure- prefix it uses
// over HTTPS.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// Console pages that need a session.
const CONSOLE_PAGE_PATH = /^\/(apps|inspect|account|api-docs)(\/|$)/;

// Probes that report on the database themselves.
const PROBE_PATHS = new Set(["/api/health", "/api/ready"]);

// Auth.js re-signs the session JWT with a fresh 12-hour expiry each time it
// reads the session where it can set a cookie, which a server component
// cannot. Reading it here, on every console page load, makes a session
// expire after 12 hours of inactivity instead of 12 hours after sign-in.
// With a lazy (function) config, next-auth 5.0.0-beta.32 returns the wrapped
// handler inside a promise, whatever its declared type. Awaiting works for both.
const refreshSession = Promise.resolve(auth((_request: NextRequest & { auth: unknown }, _event: NextFetchEvent) => undefined));

// Runs before every page, server action and route handler (Node.js runtime,
// same process). It gives each request an X-Request-ID that handlers log and
// echo. While the database is known to be down it returns 503 at once
// instead of letting each page fail on its own. Signed-out visitors of
// console pages go to sign-in; signed-in ones get their session extended.
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const requestId = readRequestId({ header: (name) => request.headers.get(name) });
  const { pathname } = request.nextUrl;

  // Server actions expect a React response, so they are let through and
  // their own error handling returns "the database is unavailable".
  const isServerAction = request.headers.has("next-action");
  if (!PROBE_PATHS.has(pathname) && !isServerAction && !(await checkDatabaseAvailable())) {
    return buildUnavailableResponse({ pathname, accept: request.headers.get("accept"), requestId });
  }

  if (CONSOLE_PAGE_PATH.test(pathname) && !hasSessionCookie(request)) {
    const response = redirectToSignIn(request);
    response.headers.set("x-request-id", requestId);
    return response;
  }

  // Only console page loads: a server action such as a password change sets
  // a new session cookie itself, which a refreshed copy of the old one could
  // race.
  if (CONSOLE_PAGE_PATH.test(pathname) && (request.method === "GET" || request.method === "HEAD")) {
    const refresh = await refreshSession;
    const refreshed = await refresh(request, event);
    if (refreshed) {
      refreshed.headers.set("x-request-id", requestId);
      return refreshed;
    }
  }

  const response = passOn(request, requestId);
  response.headers.set("x-request-id", requestId);
  return response;
}

function passOn(request: NextRequest, requestId: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  return NextResponse.next({ request: { headers } });
}

// Remembers the page asked for. This only improves the redirect: every page,
// action and route checks the session itself, because a cookie can be
// present but stale.
function redirectToSignIn(request: NextRequest): NextResponse {
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

// Auth.js splits a large session cookie into name.0, name.1, ...
function hasSessionCookie(request: NextRequest): boolean {
  return SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
}

export const config = {
  // Static build output needs neither an ID, a session nor the database.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
