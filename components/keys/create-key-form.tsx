"use client";

import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors/action-result";
import type { CreatedApiKey } from "@/lib/keys/create-api-key";

import { NewKeyDialog } from "./new-key-dialog";

type CreateKeyAction = (previous: ActionResult<CreatedApiKey>, form: FormData) => Promise<ActionResult<CreatedApiKey>>;

const IDLE: ActionResult<CreatedApiKey> = { status: "idle" };

export function CreateKeyForm({ action, onSecretSaved }: { action: CreateKeyAction; onSecretSaved: () => void }) {
  const [result, formAction, pending] = useActionState(action, IDLE);
  // Controlled, so the label survives React resetting the form after an error.
  const [label, setLabel] = useState("");
  const errors = result.status === "error" ? result.fieldErrors : [];

  return (
    <>
      <form action={formAction} className="flex flex-wrap items-start gap-3" noValidate>
        <div className="w-72">
          <TextField
            label="Label"
            name="label"
            placeholder="production server"
            maxLength={80}
            required
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            errors={errors}
            hint="Where the key is used, so you can tell keys apart."
          />
        </div>
        <Button type="submit" disabled={pending} className="mt-6">
          {pending ? "Creating…" : "Create key"}
        </Button>
        <div className="basis-full">
          <FormMessage result={result} fields={["label"]} />
        </div>
      </form>

      {result.status === "success" ? <NewKeyDialog created={result.data} onDone={onSecretSaved} /> : null}
    </>
  );
}
