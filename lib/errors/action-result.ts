import "server-only";

import { randomUUID } from "node:crypto";

import { unstable_rethrow } from "next/navigation";

import { reportDatabaseError } from "@/lib/db/database-health";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/database-unavailable";
import { logger } from "@/lib/log/logger";

import { isConsoleError } from "./console-error";
import { InputError, type FieldError } from "./parse-input";

// The result a server action returns to its form: field errors to show
// inline, or one message. Unknown errors become a generic message with a reference
// ID that matches the server log, never the raw error text.
export type ActionResult<Data = undefined> =
  | { status: "idle" }
  | { status: "success"; data: Data }
  | { status: "error"; message: string; fieldErrors: FieldError[] };

export const IDLE: ActionResult<never> = { status: "idle" };

export function actionError(error: unknown, context: Record<string, unknown> = {}): ActionResult<never> {
  // Redirects and notFound() travel as errors and must reach Next.js.
  unstable_rethrow(error);

  if (error instanceof InputError) {
    return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
  }

  if (isConsoleError(error) && error.status < 500) {
    const fieldErrors = error.field ? [{ field: error.field, message: error.message }] : [];
    return { status: "error", message: error.message, fieldErrors };
  }

  if (reportDatabaseError(error)) {
    return { status: "error", message: DATABASE_UNAVAILABLE_MESSAGE, fieldErrors: [] };
  }

  const reference = randomUUID();
  logger.error({ err: error, reference, ...context }, "server action failed");
  return { status: "error", message: `something went wrong on the server (reference ${reference})`, fieldErrors: [] };
}

// Runs an action body and turns its errors into an ActionResult.
export async function runAction<Data>(
  body: () => Promise<Data>,
  context: Record<string, unknown> = {},
): Promise<ActionResult<Data>> {
  try {
    return { status: "success", data: await body() };
  } catch (error) {
    return actionError(error, context);
  }
}
