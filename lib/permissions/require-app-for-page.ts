import "server-only";

import { notFound } from "next/navigation";

import { requireUserForPage, type Actor } from "@/lib/auth/current-user";
import { isConsoleError } from "@/lib/errors/console-error";

import { authorizeAppAction, type AppAccess } from "./authorize-app-action";

// For pages under /apps/<appId>: signs the visitor in if needed, then loads
// the app they may read. A non-member gets Next.js's 404 page, the same as for
// an app that does not exist.
export async function requireAppForPage(options: { appId: string; path: string }): Promise<AppAccess & { actor: Actor }> {
  const actor = await requireUserForPage(options.path);

  try {
    const access = await authorizeAppAction({ actor, appId: options.appId, action: "app.read" });
    return { actor, ...access };
  } catch (error) {
    if (isConsoleError(error) && error.code === "not_found") {
      notFound();
    }
    throw error;
  }
}
