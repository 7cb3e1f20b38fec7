"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";

import { GrantsFieldset } from "@/components/grants-fieldset";
import { Button } from "@/components/ui/button";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { FieldErrors, hasFieldError } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import { Modal } from "@/components/ui/modal";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors/action-result";
import type { FieldError } from "@/lib/errors/parse-input";
import type { KeyRestrictions } from "@/lib/keys/key-restrictions";
import { readRestrictionsForm } from "@/lib/keys/restrictions-form";
import { isGrantName, type GrantName } from "@/lib/tokens/grants";
import { TTL_MAX_SECONDS, TTL_MIN_SECONDS } from "@/lib/tokens/token-rules";

type UpdateRestrictionsAction = (keyId: string, previous: ActionResult<KeyRestrictions>, form: FormData) => Promise<ActionResult<KeyRestrictions>>;

// The action's result, with the origins as the server read them, to name
// the value behind an error.
interface FormState {
  result: ActionResult<KeyRestrictions>;
  submittedOrigins: string[];
}

const IDLE: FormState = { result: { status: "idle" }, submittedOrigins: [] };
const FORM_FIELDS = ["allowedGrants", "maxTtlSeconds", "allowedOrigins"];

// Opens the restrictions form of one key. The form is mounted afresh each
// time, so a cancelled edit leaves nothing behind.
export function EditRestrictionsButton({
  keyId,
  label,
  restrictions,
  action,
}: {
  keyId: string;
  label: string;
  restrictions: KeyRestrictions;
  action: UpdateRestrictionsAction;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);

  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} title={`Edit restrictions of key ${label}`}>
        Edit restrictions
      </Button>

      {open ? (
        <RestrictionsForm
          keyId={keyId}
          label={label}
          restrictions={restrictions}
          action={action}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            router.refresh();
          }}
        />
      ) : null}
    </>
  );
}

function RestrictionsForm({
  keyId,
  label,
  restrictions,
  action,
  onClose,
  onSaved,
}: {
  keyId: string;
  label: string;
  restrictions: KeyRestrictions;
  action: UpdateRestrictionsAction;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [state, formAction, pending] = useActionState(async (previous: FormState, form: FormData): Promise<FormState> => {
    const originsText = form.get("allowedOrigins");
    const submittedOrigins = readRestrictionsForm({ allowedGrants: [], allowedOrigins: typeof originsText === "string" ? originsText : "" }).allowedOrigins;
    const result = await action(keyId, previous.result, form);
    if (result.status === "success") {
      onSaved();
    }
    return { result, submittedOrigins };
  }, IDLE);
  const { result } = state;
  const [grants, setGrants] = useState<GrantName[]>(() => restrictions.allowedGrants.filter(isGrantName));
  const [maxTtl, setMaxTtl] = useState(restrictions.maxTtlSeconds === null ? "" : String(restrictions.maxTtlSeconds));
  const [origins, setOrigins] = useState(restrictions.allowedOrigins.join("\n"));

  const errors = result.status === "error" ? result.fieldErrors : [];
  const originInvalid = hasFieldError(errors, "allowedOrigins");

  return (
    <Modal title="Edit restrictions" onEscape={pending ? undefined : onClose}>
      <p className="text-sm text-slate-600">
        Limit what tokens signed with <strong>{label}</strong> (<code className="font-mono text-xs">{keyId}</code>) may contain. The console refuses to
        mint a token outside these limits. Leave a field empty for no restriction.
      </p>

      <form onSubmit={submitWithoutReset(formAction)} className="space-y-4" noValidate>
        <GrantsFieldset
          legend="Allowed grants"
          field="allowedGrants"
          name="allowedGrants"
          selected={grants}
          onChange={setGrants}
          errors={errors}
          disabled={pending}
          hint="None checked: the key may grant every service."
        />

        <TextField
          label="Maximum TTL (seconds)"
          name="maxTtlSeconds"
          inputMode="numeric"
          value={maxTtl}
          onChange={(event) => setMaxTtl(event.target.value)}
          placeholder="no maximum"
          disabled={pending}
          errors={errors}
          hint={`Empty: no maximum. Otherwise from ${TTL_MIN_SECONDS} to ${TTL_MAX_SECONDS} seconds.`}
        />

        <div className="space-y-1">
          <label htmlFor="allowedOrigins" className="block text-sm font-medium text-slate-700">
            Allowed origins
          </label>
          <textarea
            id="allowedOrigins"
            name="allowedOrigins"
            rows={3}
            value={origins}
            onChange={(event) => setOrigins(event.target.value)}
            placeholder="https://app.example.com"
            disabled={pending}
            aria-invalid={originInvalid ? true : undefined}
            aria-describedby={originInvalid ? "allowedOrigins-error allowedOrigins-hint" : "allowedOrigins-hint"}
            className={`block w-full rounded-md border-0 px-3 py-2 font-mono text-sm shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-indigo-600 ${originInvalid ? "ring-red-400" : "ring-slate-300"}`}
          />
          <p id="allowedOrigins-hint" className="text-xs text-slate-500">
            One a line, such as https://app.example.com. Browsers from other origins cannot get tokens signed with this key from the demo endpoint.
            Empty: every origin.
          </p>
          <FieldErrors id="allowedOrigins-error" field="allowedOrigins" errors={withOriginValues(errors, state.submittedOrigins)} />
        </div>

        <FormMessage result={result} fields={FORM_FIELDS} />

        <DialogButtons onCancel={onClose} pending={pending} confirmLabel="Save restrictions" pendingLabel="Saving…" />
      </form>
    </Modal>
  );
}

// Names the value of each invalid origin: the server reports only its index
// among the non-blank lines ("allowedOrigins.2").
function withOriginValues(errors: FieldError[], originLines: string[]): FieldError[] {
  return errors.map((error) => {
    const match = /^allowedOrigins\.(\d+)$/.exec(error.field);
    const value = match ? originLines[Number(match[1])] : undefined;
    return value === undefined ? error : { ...error, message: `'${value}': ${error.message}` };
  });
}
