import type { FieldError } from "@/lib/errors/parse-input";

// Lists the errors of one form field, matching nested paths too, so a zod
// issue on "grants.1" shows next to the grants field.
export function FieldErrors({ id, field, errors }: { id: string; field: string; errors: FieldError[] }) {
  const messages = errors.filter((error) => error.field === field || error.field.startsWith(`${field}.`)).map((error) => error.message);
  if (messages.length === 0) {
    return null;
  }

  return (
    <div id={id} role="alert" className="space-y-0.5 text-sm text-red-600">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function hasFieldError(errors: FieldError[], field: string): boolean {
  return errors.some((error) => error.field === field || error.field.startsWith(`${field}.`));
}
