import { listApps } from "@/lib/apps/list-apps";
import { sessionRoute } from "@/lib/http/session-route";

// The signed-in user's apps with their role, for scripts that hold a console
// session.
export const GET = sessionRoute(async ({ actor }) => {
  const apps = await listApps({ actor });
  return Response.json({ apps }, { headers: { "cache-control": "no-store" } });
});
