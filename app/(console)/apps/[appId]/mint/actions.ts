"use server";

import { requireUser } from "@/lib/auth/current-user";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { mintTestToken } from "@/lib/mint/mint-test-token";
import type { SignedToken } from "@/lib/mint/sign-with-key";

export async function mintTokenAction(appId: string, _previous: ActionResult<SignedToken>, form: FormData): Promise<ActionResult<SignedToken>> {
  return runAction(
    async () => {
      const actor = await requireUser();
      const fields = {
        keyId: readText(form, "keyId"),
        identity: readText(form, "identity"),
        device: readText(form, "device"),
        grants: readText(form, "grants"),
        ttl: readText(form, "ttl"),
      };
      return mintTestToken({ actor, appId, fields });
    },
    { action: "mintTestToken", appId },
  );
}

// A file upload in place of a text field counts as missing.
function readText(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}
