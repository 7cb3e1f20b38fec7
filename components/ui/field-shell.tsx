import type { ReactNode } from "react";

import type { FieldError } from "@/lib/errors/parse-input";

export interface FieldDescription {
  id: string;
  error: FieldError | undefined;
  describedBy: string | undefined;
  // Classes every control shares, with a red ring while it has an error.
  controlClassName: string;
}

// Finds the field's error and the ids its control must reference. The ids
// are derived from the control's id, so two forms on one page that share a
// field name keep their hints and errors apart.
export function describeField(options: { id: string | undefined; name: string; errors?: FieldError[]; hint?: ReactNode }): FieldDescription {
  const id = options.id ?? options.name;
  const error = options.errors?.find((entry) => entry.field === options.name);
  const describedBy = [error ? `${id}-error` : null, options.hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const ring = error ? "ring-red-400" : "ring-slate-300";

  return {
    id,
    error,
    describedBy,
    controlClassName: `block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-indigo-600 ${ring}`,
  };
}

// The label above a form control, and its hint and server-side error below it.
export function FieldShell({ field, label, hint, children }: { field: FieldDescription; label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${field.id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {field.error ? (
        <p id={`${field.id}-error`} role="alert" className="text-sm text-red-600">
          {field.error.message}
        </p>
      ) : null}
    </div>
  );
}
