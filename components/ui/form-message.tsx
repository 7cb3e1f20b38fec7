import type { ActionResult } from "@/lib/errors/action-result";

// Shows an action's error that belongs to no single field.
export function FormMessage({ result, fields = [] }: { result: ActionResult<unknown>; fields?: string[] }) {
  if (result.status !== "error") {
    return null;
  }

  const shownInline = result.fieldErrors.some((error) => fields.includes(error.field));
  if (shownInline) {
    return null;
  }

  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
      {result.message}
    </p>
  );
}
