"use server";

import { revalidatePath } from "next/cache";

import { requireUser } from "@/lib/auth/current-user";
import { configureDemoEndpoint } from "@/lib/demo/configure-demo-endpoint";
import { runAction, type ActionResult } from "@/lib/errors/action-result";

const DECIMAL_NUMBER = /^-?\d+(\.\d+)?$/;

export async function configureDemoAction(appId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(
    async () => {
      const actor = await requireUser();
      await configureDemoEndpoint({ actor, appId, input: readDemoSettings(form) });
      revalidatePath(`/apps/${appId}/demo`);
      return undefined;
    },
    { action: "configureDemoEndpoint", appId },
  );
}

// Turns the form's strings into the types the settings schema checks. Text
// that is not a decimal number becomes NaN, so the schema reports the ttl as
// not an integer number of seconds instead of reading "0x10" or "1e3".
function readDemoSettings(form: FormData) {
  const keyId = form.get("keyId");
  const ttl = form.get("ttlSeconds");
  const ttlText = typeof ttl === "string" ? ttl.trim() : "";

  return {
    enabled: form.get("enabled") === "on",
    keyId: typeof keyId === "string" && keyId !== "" ? keyId : undefined,
    grants: form.getAll("grants").filter((grant) => typeof grant === "string"),
    ttlSeconds: DECIMAL_NUMBER.test(ttlText) ? Number(ttlText) : Number.NaN,
  };
}
