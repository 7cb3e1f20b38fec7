import "server-only";

import { normalizeEmail } from "@/lib/auth/email";
import { isSelfSignUpAllowed } from "@/lib/auth/sign-up-policy";
import { ConsoleError } from "@/lib/errors/console-error";
import { parseInput } from "@/lib/errors/parse-input";
import { findInvitation } from "@/lib/members/find-invitation";

import { createUser, type CreatedUser } from "./create-user";
import { signUpSchema } from "./user-input";

// Creates an account from the sign-up page. When self sign-up is off
// (CONSOLE_ALLOW_SIGNUP=false), only the holder of a pending invitation may
// sign up, and only with the email it was made for. The invitation itself is
// accepted afterwards on its own page.
export async function registerUser(options: { input: unknown; invitationToken?: string | null }): Promise<CreatedUser> {
  const input = parseInput(signUpSchema, options.input);

  if (!isSelfSignUpAllowed()) {
    await assertInvitedEmail(input.email, options.invitationToken ?? null);
  }

  return createUser(input);
}

async function assertInvitedEmail(email: string, token: string | null): Promise<void> {
  if (!token) {
    throw new ConsoleError("forbidden", "sign-up is turned off on this console: ask an app owner for an invitation link and open it to sign up");
  }

  const invitation = await findInvitation({ token });
  if (!invitation || invitation.status !== "pending") {
    throw new ConsoleError(
      "forbidden",
      "sign-up is turned off on this console, and this invitation link is no longer valid: ask an app owner for a new link",
    );
  }

  if (normalizeEmail(email) !== invitation.email) {
    throw new ConsoleError("forbidden", `this invitation is for ${invitation.email}: sign up with that email`, { field: "email" });
  }
}
