import type { InputHTMLAttributes, ReactNode } from "react";

import type { FieldError } from "@/lib/errors/parse-input";

// A labelled input that shows its own server-side error below it, linked
// through aria-describedby so screen readers announce it.
export function TextField({
  label,
  name,
  errors,
  hint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & {
  label: ReactNode;
  name: string;
  errors?: FieldError[];
  hint?: ReactNode;
}) {
  // Derived from the id, so two forms on one page that share a field name
  // keep their hints and errors apart.
  const id = props.id ?? name;
  const error = errors?.find((entry) => entry.field === name);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...props}
        className={`block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-indigo-600 ${error ? "ring-red-400" : "ring-slate-300"} ${props.className ?? ""}`}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-600">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
