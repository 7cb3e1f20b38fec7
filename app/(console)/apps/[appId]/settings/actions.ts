"use server";

import { revalidatePath } from "next/cache";

import { updateAppSettings } from "@/lib/apps/update-app-settings";
import { requireUser } from "@/lib/auth/current-user";
import { runAction, type ActionResult } from "@/lib/errors/action-result";

export async function updateAppSettingsAction(appId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(
    async () => {
      const actor = await requireUser();
      await updateAppSettings({ actor, appId, input: { name: form.get("name"), auditRetentionDays: form.get("auditRetentionDays") } });
      // The app name shows in the layout above every tab.
      revalidatePath(`/apps/${appId}`, "layout");
      return undefined;
    },
    { action: "updateAppSettings", appId },
  );
}
