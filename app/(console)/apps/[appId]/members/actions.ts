"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import type { AddedMemberView } from "@/components/members/add-member-form";
import { requireUser } from "@/lib/auth/current-user";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { getRequestOrigin } from "@/lib/http/request-origin";
import { addMember } from "@/lib/members/add-member";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { revokeInvitation } from "@/lib/members/revoke-invitation";

// The page binds appId and the member or invitation ID, so every action
// re-checks the caller's rights on what it names instead of trusting the form.

export async function addMemberAction(appId: string, _previous: ActionResult<AddedMemberView>, form: FormData): Promise<ActionResult<AddedMemberView>> {
  return runAction(
    async (): Promise<AddedMemberView> => {
      const actor = await requireUser();
      const result = await addMember({ actor, appId, input: { email: form.get("email"), role: form.get("role") } });
      revalidatePath(`/apps/${appId}/members`);

      if (result.kind === "added") {
        return { kind: "added", email: result.email, role: result.role };
      }
      const invitationUrl = `${await getRequestOrigin()}/invite/${result.token}`;
      return { kind: "invited", email: result.email, role: result.role, invitationUrl, expiresAt: result.expiresAt.toISOString() };
    },
    { action: "addMember", appId },
  );
}

export async function changeMemberRoleAction(appId: string, userId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(
    async () => {
      const actor = await requireUser();
      await changeMemberRole({ actor, appId, userId, input: { role: form.get("role") } });
      revalidatePath(`/apps/${appId}`, "layout");
      return undefined;
    },
    { action: "changeMemberRole", appId, memberId: userId },
  );
}

export async function removeMemberAction(appId: string, userId: string): Promise<ActionResult> {
  const result = await runAction(
    async () => {
      const actor = await requireUser();
      await removeMember({ actor, appId, userId });
      return actor.id === userId;
    },
    { action: "removeMember", appId, memberId: userId },
  );

  if (result.status !== "success") {
    return result;
  }
  // Someone who left can no longer see the app.
  if (result.data) {
    redirect("/apps");
  }
  revalidatePath(`/apps/${appId}/members`);
  return { status: "success", data: undefined };
}

export async function revokeInvitationAction(appId: string, invitationId: string): Promise<ActionResult> {
  return runAction(
    async () => {
      const actor = await requireUser();
      await revokeInvitation({ actor, appId, invitationId });
      revalidatePath(`/apps/${appId}/members`);
      return undefined;
    },
    { action: "revokeInvitation", appId, invitationId },
  );
}
