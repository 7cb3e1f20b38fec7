import "server-only";

import { redirect } from "next/navigation";

import { getDb } from "@/lib/db/get-db";
import { ConsoleError } from "@/lib/errors/console-error";

import { auth } from "./auth";

export interface Actor {
  id: string;
  email: string;
  name: string | null;
}

// Returns the signed-in user, or null. A session whose account was deleted
// counts as signed out.
export async function getCurrentUser(): Promise<Actor | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) {
    return null;
  }

  const db = await getDb();
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
}

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
