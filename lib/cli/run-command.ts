import "server-only";

import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { isConsoleError } from "@/lib/errors/console-error";

// Runs a maintenance command's body and exits: 0 when it finishes, 1 with
// its message on stderr when it throws. A ConsoleError's message already
// names the value and the fix. Other errors also print their cause, because
// for database errors that is where the server's text is.
export function runCommand(name: string, body: () => Promise<void>): void {
  body().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${describeError(error)}\n`);
      process.exit(1);
    },
  );
}

function describeError(error: unknown): string {
  if (isConsoleError(error)) {
    return error.message;
  }
  if (error instanceof Error && isDatabaseUnavailable(error)) {
    return `the database did not answer (${error.message}): check that PostgreSQL is running and that DATABASE_URL names its host and port`;
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
