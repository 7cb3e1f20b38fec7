import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";

import { auth } from "@/lib/auth/auth";

// Auth.js re-signs the session JWT with a fresh 12-hour expiry each time it
// reads the session where it can set a cookie, which a server component
// cannot. Reading it here, on every page load of a signed-in page, makes the
// session expire after 12 hours of inactivity instead of 12 hours after
// sign-in. Access checks stay in the pages and actions (getCurrentUser).
const refreshSession = auth((_request: NextRequest & { auth: unknown }, _event: NextFetchEvent) => undefined);

export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  // Only page loads: a server action such as a password change sets a new
  // session cookie itself, which a refreshed copy of the old one could race.
  if (request.method !== "GET" && request.method !== "HEAD") {
    return NextResponse.next();
  }

  return (await refreshSession(request, event)) ?? NextResponse.next();
}

export const config = {
  matcher: ["/apps/:path*", "/account/:path*", "/inspect/:path*", "/invite/:path*"],
};
