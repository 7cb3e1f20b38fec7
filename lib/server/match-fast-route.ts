// The paths the HTTP front serves itself instead of passing them to
// Next.js: the token API and the demo endpoint, whose throughput matters.
export type FastRoute = { kind: "mint" } | { kind: "verify" } | { kind: "demo"; appId: string };

const DEMO_PATH = /^\/api\/demo\/([^/]+)\/token$/;

// Returns the fast route for a request URL, or null for every other path.
// The query string is ignored, as the route handlers ignore it.
export function matchFastRoute(url: string): FastRoute | null {
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);

  if (path === "/api/v2/tokens") {
    return { kind: "mint" };
  }
  if (path === "/api/v2/tokens/verify") {
    return { kind: "verify" };
  }

  const demo = DEMO_PATH.exec(path);
  if (demo?.[1]) {
    try {
      return { kind: "demo", appId: decodeURIComponent(demo[1]) };
    } catch {
      // Broken percent-encoding: Next.js rejects it with its own 400.
      return null;
    }
  }

  return null;
}
