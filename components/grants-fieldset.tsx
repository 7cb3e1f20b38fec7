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
export function GrantsFieldset({
  selected,
  onChange,
  errors,
  name,
  warning,
  disabled,
}: {
  selected: readonly GrantName[];
  onChange: (grants: GrantName[]) => void;
  errors: FieldError[];
  name?: string;
  warning?: string | null;
  disabled?: boolean;
}) {
  const invalid = hasFieldError(errors, "grants");
  const describedBy = pickDescriptionId(invalid, warning);

  function toggle(grant: GrantName, checked: boolean) {
    // Kept in the KNOWN_GRANTS order, which is the order the token lists them in.
    onChange(KNOWN_GRANTS.filter((known) => (known === grant ? checked : selected.includes(known))));
  }

  return (
    <fieldset className="space-y-2" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      <legend className="text-sm font-medium text-slate-700">Grants</legend>
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
        <p id="grants-warning" role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
          Warning: {warning}
        </p>
      ) : null}
      <FieldErrors id="grants-error" field="grants" errors={errors} />
    </fieldset>
  );
}

// Points screen readers at the error when there is one, else at the warning.
function pickDescriptionId(invalid: boolean, warning: string | null | undefined): string | undefined {
  if (invalid) {
    return "grants-error";
  }
  return warning ? "grants-warning" : undefined;
}
