"use server";

import { requireUser } from "@/lib/auth/current-user";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { createApiKey, type CreatedApiKey } from "@/lib/keys/create-api-key";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";

// The page binds appId, so every action re-checks the caller's rights on the
// app it names instead of trusting the form.
export async function createKeyAction(appId: string, _previous: ActionResult<CreatedApiKey>, form: FormData): Promise<ActionResult<CreatedApiKey>> {
  return runAction(
    async () => {
      const actor = await requireUser();
      return createApiKey({ actor, appId, input: { label: form.get("label") } });
    },
    { action: "createApiKey", appId },
  );
}

export async function revokeKeyAction(appId: string, keyId: string): Promise<ActionResult> {
  return runAction(
    async () => {
      const actor = await requireUser();
      await revokeApiKey({ actor, appId, keyId });
      return undefined;
    },
    { action: "revokeApiKey", appId, keyId },
  );
}
