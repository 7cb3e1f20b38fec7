import type { ReactNode, SelectHTMLAttributes } from "react";

import type { FieldError } from "@/lib/errors/parse-input";

import { describeField, FieldShell } from "./field-shell";

// A labelled select that shows its own server-side error below it, the same
// way TextField does.
export function SelectField({
  label,
  name,
  errors,
  hint,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: ReactNode;
  name: string;
  errors?: FieldError[];
  hint?: ReactNode;
}) {
  const field = describeField({ id: props.id, name, errors, hint });

  return (
    <FieldShell field={field} label={label} hint={hint}>
      <select
        id={field.id}
        name={name}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
        {...props}
        className={`${field.controlClassName} bg-white ${props.className ?? ""}`}
      >
        {children}
      </select>
    </FieldShell>
  );
}
