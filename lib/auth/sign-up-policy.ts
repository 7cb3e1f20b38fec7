import { ConsoleError } from "@/lib/errors/console-error";

// Whether anyone may create an account on the sign-up page. With
// CONSOLE_ALLOW_SIGNUP=false only people holding an invitation link can, and
// operators create the first account with `npm run user:create`.
export function isSelfSignUpAllowed(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const raw = env.CONSOLE_ALLOW_SIGNUP?.trim().toLowerCase() ?? "";

  if (raw === "" || raw === "true" || raw === "1") {
    return true;
  }
  if (raw === "false" || raw === "0") {
    return false;
  }

  throw new ConsoleError("invalid_config", `CONSOLE_ALLOW_SIGNUP '${env.CONSOLE_ALLOW_SIGNUP}' is invalid: set it to true or false`);
}
