"use server";

import { redirect } from "next/navigation";

import { signOut } from "@/lib/auth/auth";
import { requireUser } from "@/lib/auth/current-user";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { isInvitationTokenShape } from "@/lib/members/invitation-token";

export async function acceptInvitationAction(token: string, _previous: ActionResult): Promise<ActionResult> {
  const result = await runAction(
    async () => {
      const actor = await requireUser();
      return acceptInvitation({ actor, token });
    },
    { action: "acceptInvitation" },
  );

  if (result.status !== "success") {
    return result;
  }
  redirect(`/apps/${result.data.appId}/keys`);
}

// For someone signed in with another account than the invited one: signs
// out and comes back to the invitation.
export async function signOutForInvitationAction(token: string): Promise<void> {
  await signOut({ redirectTo: isInvitationTokenShape(token) ? `/invite/${token}` : "/sign-in" });
}
