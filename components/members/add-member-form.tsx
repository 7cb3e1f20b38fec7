"use client";

import { useActionState, useEffect, useRef } from "react";

import { CopyButton } from "@/components/copy-button";
import { LocalTime } from "@/components/local-time";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors/action-result";
import type { MemberRole } from "@/lib/generated/prisma/enums";

import { RoleOptions } from "./role-options";

export type AddedMemberView =
  | { kind: "added"; email: string; role: MemberRole }
  // The link is shown once: only the hash of its token is stored.
  | { kind: "invited"; email: string; role: MemberRole; invitationUrl: string; expiresAt: string };

type AddMemberAction = (previous: ActionResult<AddedMemberView>, form: FormData) => Promise<ActionResult<AddedMemberView>>;

// Adds a member by email. Fields keep their values after an error and are
// cleared after a success, so the next person can be added right away.
export function AddMemberForm({ action }: { action: AddMemberAction }) {
  const [result, formAction, pending] = useActionState(action, { status: "idle" } as ActionResult<AddedMemberView>);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = result.status === "error" ? result.fieldErrors : [];

  useEffect(() => {
    if (result.status === "success") {
      formRef.current?.reset();
    }
  }, [result]);

  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={submitWithoutReset(formAction)} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
        <TextField label="Email" name="email" type="email" autoComplete="off" required errors={errors} />
        <SelectField label="Role" name="role" defaultValue="DEVELOPER" errors={errors}>
          <RoleOptions />
        </SelectField>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add member"}
        </Button>
      </form>
      <FormMessage result={result} fields={["email", "role"]} />
      {result.status === "success" ? <AddedMember view={result.data} /> : null}
    </div>
  );
}

function AddedMember({ view }: { view: AddedMemberView }) {
  if (view.kind === "added") {
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
        {view.email} joined as {view.role.toLowerCase()}.
      </p>
    );
  }

  return (
    <div role="status" className="space-y-2 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200" data-testid="invitation-link-panel">
      <p>
        <strong>{view.email}</strong> has no account yet. Send them this invitation link to join as {view.role.toLowerCase()}. It works once, only for
        that email, until <LocalTime value={view.expiresAt} />. Copy it now: the console cannot show it again.
      </p>
      <div className="flex items-center gap-2">
        <code className="block flex-1 overflow-x-auto rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-amber-200" data-testid="invitation-link">
          {view.invitationUrl}
        </code>
        <CopyButton value={view.invitationUrl} label="Copy link" />
      </div>
    </div>
  );
}
