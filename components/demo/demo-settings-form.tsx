"use client";

import { useActionState, useState } from "react";

import { GrantsFieldset } from "@/components/grants-fieldset";
import { Button } from "@/components/ui/button";
import { FieldErrors, hasFieldError } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { TextField } from "@/components/ui/text-field";
import type { DemoEndpointSettings } from "@/lib/demo/get-demo-endpoint";
import type { ActionResult } from "@/lib/errors/action-result";
import { isGrantName, type GrantName } from "@/lib/tokens/grants";
import { TTL_MAX_SECONDS, TTL_MIN_SECONDS } from "@/lib/tokens/token-rules";

type ConfigureDemoAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

const IDLE: ActionResult = { status: "idle" };
const FORM_FIELDS = ["enabled", "keyId", "grants", "ttlSeconds"];

// The demo endpoint settings. Members who may not change them see the same
// controls disabled, so they can still read what the endpoint does.
export function DemoSettingsForm({
  action,
  keys,
  settings,
  canConfigure,
}: {
  action: ConfigureDemoAction;
  keys: { id: string; label: string }[];
  settings: DemoEndpointSettings;
  canConfigure: boolean;
}) {
  const [result, formAction, pending] = useActionState(action, IDLE);
  const [enabled, setEnabled] = useState(settings.enabled);
  const [keyId, setKeyId] = useState(() => pickInitialKey(settings.keyId, keys));
  const [grants, setGrants] = useState<GrantName[]>(() => settings.grants.filter(isGrantName));
  const [ttl, setTtl] = useState(String(settings.ttlSeconds));

  const errors = result.status === "error" ? result.fieldErrors : [];
  const disabled = !canConfigure || pending;

  return (
    <form onSubmit={submitWithoutReset(formAction)} className="max-w-xl space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200" noValidate>
      <h3 className="font-semibold">Settings</h3>
      {!canConfigure ? <p className="text-sm text-slate-600">Only app owners can change these settings.</p> : null}

      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            name="enabled"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
            disabled={disabled}
            aria-invalid={hasFieldError(errors, "enabled") || undefined}
            className="h-4 w-4"
          />
          Enabled
        </label>
        <FieldErrors id="enabled-error" field="enabled" errors={errors} />
      </div>

      <SelectField label="Key" name="keyId" value={keyId} onChange={(event) => setKeyId(event.target.value)} disabled={disabled} errors={errors}>
        <option value="">No key</option>
        {keys.map((key) => (
          <option key={key.id} value={key.id}>
            {key.label} ({key.id})
          </option>
        ))}
      </SelectField>

      <GrantsFieldset name="grants" selected={grants} onChange={setGrants} errors={errors} disabled={disabled} />

      <TextField
        label="TTL (seconds)"
        name="ttlSeconds"
        type="number"
        inputMode="numeric"
        min={TTL_MIN_SECONDS}
        max={TTL_MAX_SECONDS}
        step={1}
        value={ttl}
        onChange={(event) => setTtl(event.target.value)}
        disabled={disabled}
        errors={errors}
        hint={`How long each token stays valid, from ${TTL_MIN_SECONDS} to ${TTL_MAX_SECONDS} seconds.`}
      />

      <FormMessage result={result} fields={FORM_FIELDS} />
      {result.status === "success" ? (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      ) : null}
      {canConfigure ? (
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      ) : null}
    </form>
  );
}

// The saved key when it is still active, else the first active key, so
// turning the endpoint on takes one click.
function pickInitialKey(savedKeyId: string | null, keys: { id: string }[]): string {
  if (savedKeyId && keys.some((key) => key.id === savedKeyId)) {
    return savedKeyId;
  }
  return keys[0]?.id ?? "";
}
