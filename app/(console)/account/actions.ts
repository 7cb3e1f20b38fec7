"use server";

import { redirect } from "next/navigation";

import { signIn, signOut } from "@/lib/auth/auth";
import { requireUser } from "@/lib/auth/current-user";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { changePassword } from "@/lib/users/change-password";
import { endAllSessions } from "@/lib/users/end-all-sessions";

// Changes the password, which ends every session, then signs this browser in
// again with the new password, so the person who just proved they know it
// stays signed in here while every other browser is signed out.
export async function changePasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(
    async () => {
      const actor = await requireUser();
      const newPassword = form.get("newPassword");
      await changePassword({ actor, input: { currentPassword: form.get("currentPassword"), newPassword } });

      await signIn("credentials", { email: actor.email, password: newPassword, redirect: false });
    },
    { action: "changePassword" },
  );

  if (result.status !== "success") {
    return result;
  }
  // A re-render within this action would still read the old session cookie
  // and count as signed out, so the page is loaded anew with the new one.
  redirect("/account?passwordChanged=1");
}

// Ends every session of the account, this browser's included.
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await requireUser();
  await endAllSessions({ actor });
  await signOut({ redirectTo: "/sign-in" });
}
