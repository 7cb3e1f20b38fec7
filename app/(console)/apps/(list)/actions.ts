"use server";

import { redirect } from "next/navigation";

import { createApp } from "@/lib/apps/create-app";
import { requireUser } from "@/lib/auth/current-user";
import { actionError, type ActionResult } from "@/lib/errors/action-result";

export async function createAppAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  let appId: string;
  try {
    const actor = await requireUser();
    const app = await createApp({ actor, input: { name: form.get("name") } });
    appId = app.id;
  } catch (error) {
    return actionError(error, { action: "createApp" });
  }

  redirect(`/apps/${appId}/keys`);
}
