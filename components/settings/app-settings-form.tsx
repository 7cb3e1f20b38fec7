"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors/action-result";

type SaveSettingsAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

export function AppSettingsForm({
  action,
  name,
  auditRetentionDays,
}: {
  action: SaveSettingsAction;
  name: string;
  auditRetentionDays: number;
}) {
  const [result, formAction, pending] = useActionState(action, { status: "idle" } as ActionResult);
  const errors = result.status === "error" ? result.fieldErrors : [];

  return (
    <form onSubmit={submitWithoutReset(formAction)} className="max-w-md space-y-4" noValidate>
      <TextField label="App name" name="name" defaultValue={name} required errors={errors} />
      <TextField
        label="Keep audit entries for (days)"
        name="auditRetentionDays"
        type="number"
        min={1}
        max={3650}
        step={1}
        defaultValue={auditRetentionDays}
        required
        errors={errors}
        hint="From 1 to 3650 days. Older entries are deleted within an hour of passing this age."
      />
      <FormMessage result={result} fields={["name", "auditRetentionDays"]} />
      {result.status === "success" ? (
        <p role="status" className="text-sm text-emerald-700">
          Settings saved.
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
