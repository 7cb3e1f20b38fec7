import "server-only";

import { redirect } from "next/navigation";
import { cache } from "react";

import { ConsoleError } from "@/lib/errors/console-error";

import { auth } from "./auth";
import { resolveSessionUser } from "./resolve-session-user";

export interface Actor {
  id: string;
  email: string;
  name: string | null;
}

// Returns the signed-in user, or null. See resolveSessionUser for the
// sessions that count as signed out. React's cache reuses the result for the
// rest of one server request, where layouts and the page each ask for it.
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  return resolveSessionUser(await auth());
});

// For pages: redirects to sign-in, coming back to `returnPath` afterwards.
export async function requireUserForPage(returnPath: string): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnPath)}`);
  }
  return user;
}

// For server actions and API routes: throws 401 without a session.
export async function requireUser(): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) {
    throw new ConsoleError("unauthenticated", "sign in to use the console");
  }
  return user;
}
