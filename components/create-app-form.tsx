"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors/action-result";

type CreateAppAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

export function CreateAppForm({ action }: { action: CreateAppAction }) {
  const [result, formAction, pending] = useActionState(action, { status: "idle" } as ActionResult);
  const errors = result.status === "error" ? result.fieldErrors : [];

  return (
    <form onSubmit={submitWithoutReset(formAction)} className="flex items-end gap-3" noValidate>
      <div className="w-72">
        <TextField label="App name" name="name" placeholder="My chat app" required errors={errors} />
      </div>
      <Button type="submit" disabled={pending}>
        Create app
      </Button>
      <FormMessage result={result} fields={["name"]} />
    </form>
  );
}
