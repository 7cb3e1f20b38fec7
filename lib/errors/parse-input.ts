import type { z } from "zod";

import { ConsoleError } from "./console-error";

export interface FieldError {
  field: string;
  message: string;
}

// Lists zod issues as field errors for forms and problem details.
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join(".") : "body",
    message: issue.message,
  }));
}

// An invalid-input error that carries every field error, so a form can show
// each one next to its field.
export class InputError extends ConsoleError {
  readonly fieldErrors: FieldError[];

  constructor(fieldErrors: FieldError[]) {
    const first = fieldErrors[0] ?? { field: "body", message: "invalid input" };
    super("invalid_input", first.message, { field: first.field });
    this.name = "InputError";
    this.fieldErrors = fieldErrors;
  }
}

// Parses `input` with `schema`, or throws an InputError naming every bad field.
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InputError(toFieldErrors(result.error));
  }
  return result.data;
}
