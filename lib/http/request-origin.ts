import "server-only";

import { headers } from "next/headers";

// Host names, IPv4 and bracketed IPv6 addresses, with an optional port.
const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

// Returns the origin the browser used to reach the console, such as
// "https://console.example.com", for URLs shown in copyable snippets. Behind
// a TLS proxy the scheme comes from X-Forwarded-Proto; without it, http.
// NOTE: the Host header is taken as sent, so the URL is only as right as the
// proxy in front of the console makes it. It is shown, never fetched.
export async function getRequestOrigin(): Promise<string> {
  const requestHeaders = await headers();

  const host = requestHeaders.get("host")?.trim() ?? "";
  const forwardedProto = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const protocol = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";

  return `${protocol}://${HOST_PATTERN.test(host) ? host : "localhost"}`;
}
