"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/errors/action-result";

type AcceptAction = (previous: ActionResult) => Promise<ActionResult>;

export function AcceptInvitationForm({ appName, action }: { appName: string; action: AcceptAction }) {
  const [result, formAction, pending] = useActionState(action, { status: "idle" } as ActionResult);

  return (
    <form action={formAction} className="space-y-3">
      <FormMessage result={result} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : `Join ${appName}`}
      </Button>
    </form>
  );
}
