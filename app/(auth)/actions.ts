"use server";

import { AuthError } from "next-auth";

import { safeCallbackPath } from "@/lib/auth/callback-path";
import { SignInRateLimited } from "@/lib/auth/sign-in-rate-limited";
import { signIn, signOut } from "@/lib/auth/auth";
import { actionError, type ActionResult } from "@/lib/errors/action-result";
import { invitationTokenFromPath } from "@/lib/members/invitation-token";
import { registerUser } from "@/lib/users/register-user";

// One message for every failed sign-in, so it never reveals which of email and
// password was wrong.
const SIGN_IN_FAILED = "The email or password is incorrect.";

export async function signInAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeCallbackPath(form.get("callbackUrl")),
    });
    return { status: "success", data: undefined };
  } catch (error) {
    if (error instanceof SignInRateLimited) {
      return { status: "error", message: `${SIGN_IN_FAILED} ${describeWait(error.retryAfterSeconds)}`, fieldErrors: [] };
    }
    if (error instanceof AuthError) {
      return { status: "error", message: SIGN_IN_FAILED, fieldErrors: [] };
    }
    return actionError(error);
  }
}

function describeWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `Too many sign-in attempts: wait ${wait} before trying again.`;
}

// With sign-up turned off, a callback to an invitation page is the
// invitation the new account must match.
export async function signUpAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  try {
    const invitationToken = invitationTokenFromPath(safeCallbackPath(form.get("callbackUrl")));
    await registerUser({
      input: { email: form.get("email"), password: form.get("password"), name: form.get("name") ?? undefined },
      invitationToken,
    });

    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeCallbackPath(form.get("callbackUrl")),
    });
    return { status: "success", data: undefined };
  } catch (error) {
    return actionError(error);
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
