"use client";

import { FieldErrors, hasFieldError } from "@/components/ui/field-errors";
import type { FieldError } from "@/lib/errors/parse-input";
import { KNOWN_GRANTS, type GrantName } from "@/lib/tokens/grants";

const GRANT_DESCRIPTIONS: Record<GrantName, string> = {
  chat: "messaging",
  push: "push notifications",
  signal: "signaling for calls",
  video: "voice and video calls",
};

// One checkbox per Bit6 grant. With `name`, each checked box is submitted as
// its own form value. Without it, the caller submits the selection itself.
// `field` is the name server errors use for this fieldset.
export function GrantsFieldset({
  selected,
  onChange,
  errors,
  name,
  warning,
  disabled,
  legend = "Grants",
  field = "grants",
  hint,
}: {
  selected: readonly GrantName[];
  onChange: (grants: GrantName[]) => void;
  errors: FieldError[];
  name?: string;
  warning?: string | null;
  disabled?: boolean;
  legend?: string;
  field?: string;
  hint?: string;
}) {
  const invalid = hasFieldError(errors, field);
  const describedBy = pickDescriptionId(field, invalid, warning, hint);

  function toggle(grant: GrantName, checked: boolean) {
    // Kept in the KNOWN_GRANTS order, which is the order the token lists them in.
    onChange(KNOWN_GRANTS.filter((known) => (known === grant ? checked : selected.includes(known))));
  }

  return (
    <fieldset className="space-y-2" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-4">
        {KNOWN_GRANTS.map((grant) => (
          <label key={grant} className="flex items-center gap-2 text-sm" title={GRANT_DESCRIPTIONS[grant]}>
            <input
              type="checkbox"
              name={name}
              value={grant}
              checked={selected.includes(grant)}
              onChange={(event) => toggle(grant, event.target.checked)}
              disabled={disabled}
              className="h-4 w-4"
            />
            {grant}
          </label>
        ))}
      </div>
      {warning ? (
        <p id={`${field}-warning`} role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
          Warning: {warning}
        </p>
      ) : null}
      {hint ? (
        <p id={`${field}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${field}-error`} field={field} errors={errors} />
    </fieldset>
  );
}

// Points screen readers at the error when there is one, else at the warning
// or the hint.
function pickDescriptionId(field: string, invalid: boolean, warning: string | null | undefined, hint: string | undefined): string | undefined {
  if (invalid) {
    return `${field}-error`;
  }
  if (warning) {
    return `${field}-warning`;
  }
  return hint ? `${field}-hint` : undefined;
}
