import { CredentialsSignin } from "next-auth";

// The sign-in error Auth.js passes on from `authorize` when a rate limit
// rejected the attempt. The sign-in action shows the usual failure message
// and how long to wait.
export class SignInRateLimited extends CredentialsSignin {
  override code = "rate_limited";
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super("too many sign-in attempts");
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
