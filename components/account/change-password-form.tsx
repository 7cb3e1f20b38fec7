"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors/action-result";

type ChangePasswordAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

export function ChangePasswordForm({ action }: { action: ChangePasswordAction }) {
  const [result, formAction, pending] = useActionState(action, { status: "idle" } as ActionResult);
  const errors = result.status === "error" ? result.fieldErrors : [];

  // A successful change reloads the page (see changePasswordAction), which
  // also clears the fields.
  return (
    <form onSubmit={submitWithoutReset(formAction)} className="max-w-md space-y-4" noValidate>
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={errors} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors}
        hint="At least 12 characters. Every other browser signed in to your account is signed out."
      />
      <FormMessage result={result} fields={["currentPassword", "newPassword"]} />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
