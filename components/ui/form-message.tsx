import type { ActionResult } from "@/lib/errors/action-result";

import { ErrorAlert } from "./error-alert";

// Shows an action's error that belongs to no single field.
export function FormMessage({ result, fields = [] }: { result: ActionResult<unknown>; fields?: string[] }) {
  if (result.status !== "error") {
    return null;
  }

  const shownInline = result.fieldErrors.some((error) => fields.includes(error.field));
  if (shownInline) {
    return null;
  }

  return <ErrorAlert>{result.message}</ErrorAlert>;
}
