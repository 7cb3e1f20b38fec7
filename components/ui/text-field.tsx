import type { InputHTMLAttributes, ReactNode } from "react";

import type { FieldError } from "@/lib/errors/parse-input";

import { describeField, FieldShell } from "./field-shell";

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
  const field = describeField({ id: props.id, name, errors, hint });

  return (
    <FieldShell field={field} label={label} hint={hint}>
      <input
        id={field.id}
        name={name}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
        {...props}
        className={`${field.controlClassName} ${props.className ?? ""}`}
      />
    </FieldShell>
  );
}
