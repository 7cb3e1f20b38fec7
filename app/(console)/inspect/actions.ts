"use server";

import { requireUser } from "@/lib/auth/current-user";
import { runAction, type ActionResult } from "@/lib/errors/action-result";
import { inspectToken } from "@/lib/inspect/inspect-token";
import { summarizeVerdict, type TokenVerdict } from "@/lib/inspect/summarize-verdict";

export async function verifyTokenAction(token: unknown): Promise<ActionResult<TokenVerdict>> {
  return runAction(
    async () => {
      const actor = await requireUser();
      return summarizeVerdict(await inspectToken({ actor, token }));
    },
    { action: "inspectToken" },
  );
}
