"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import type { ActionResult } from "@/lib/errors/action-result";
import type { MemberRole } from "@/lib/generated/prisma/enums";

type ChangeRoleAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

// A member's role with a button to save a new one. The last-owner rule is
// checked on the server, which explains a refusal below the select.
export function ChangeRoleForm({ email, role, action }: { email: string; role: MemberRole; action: ChangeRoleAction }) {
  const [result, formAction, pending] = useActionState(action, { status: "idle" } as ActionResult);

  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-1">
      <div className="flex items-center gap-2">
        <select
          name="role"
          defaultValue={role}
          aria-label={`Role of ${email}`}
          className="rounded-md border-0 bg-white px-2 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
        >
          <option value="OWNER">owner</option>
          <option value="DEVELOPER">developer</option>
          <option value="VIEWER">viewer</option>
        </select>
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`Save role of ${email}`}>
          Save
        </Button>
      </div>
      {result.status === "error" ? (
        <p role="alert" className="max-w-xs text-sm text-red-600">
          {result.message}
        </p>
      ) : null}
    </form>
  );
}
