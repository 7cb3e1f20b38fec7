"use server";

import { requireUser } from "@/lib/auth/current-user";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { createApiKey, type CreatedApiKey } from "@/lib/keys/create-api-key";
import { importApiKey } from "@/lib/keys/import-api-key";
import type { KeyRestrictions } from "@/lib/keys/key-restrictions";
import { readRestrictionsForm } from "@/lib/keys/restrictions-form";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { rotateApiKey, type RotatedApiKey } from "@/lib/keys/rotate-api-key";
import { updateKeyRestrictions } from "@/lib/keys/update-key-restrictions";

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

// The dialog converts its choice to seconds, because a custom end time is in
// the browser's time zone, which the server does not have. rotateApiKey
// validates the number.
export async function rotateKeyAction(appId: string, keyId: string, overlapSeconds: number): Promise<ActionResult<RotatedApiKey>> {
  return runAction(
    async () => {
      const actor = await requireUser();
      return rotateApiKey({ actor, appId, keyId, input: { overlapSeconds } });
    },
    { action: "rotateApiKey", appId, keyId },
  );
}

export async function updateRestrictionsAction(
  appId: string,
  keyId: string,
  _previous: ActionResult<KeyRestrictions>,
  form: FormData,
): Promise<ActionResult<KeyRestrictions>> {
  return runAction(
    async () => {
      const actor = await requireUser();
      const input = readRestrictionsForm({
        allowedGrants: form.getAll("allowedGrants").filter((value) => typeof value === "string"),
        maxTtlSeconds: readText(form, "maxTtlSeconds"),
        allowedOrigins: readText(form, "allowedOrigins"),
      });
      return updateKeyRestrictions({ actor, appId, keyId, input });
    },
    { action: "updateKeyRestrictions", appId, keyId },
  );
}

export async function importKeyAction(
  appId: string,
  _previous: ActionResult<{ keyId: string; label: string }>,
  form: FormData,
): Promise<ActionResult<{ keyId: string; label: string }>> {
  return runAction(
    async () => {
      const actor = await requireUser();
      const input = { label: form.get("label"), keyId: form.get("keyId"), secret: form.get("secret") };
      return importApiKey({ actor, appId, input });
    },
    { action: "importApiKey", appId },
  );
}

// A file upload in place of a text field counts as missing.
function readText(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}
