import "server-only";

import { createHash } from "node:crypto";

import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";

import { normalizeEmail } from "./email";

// Counts one sign-in attempt against the client address and the account,
// before the password is checked, or throws a 429 RateLimitError. Every
// attempt counts, whether or not the account exists, so the limit reveals
// nothing about which emails have accounts. The account's bucket is a hash
// of the email, so RateLimitWindow stores no email addresses.
export function limitSignIn(options: { email: unknown; clientIp: string }): void {
  enforceRateLimit("signInPerIp", options.clientIp);

  if (typeof options.email === "string" && options.email.trim() !== "") {
    const accountHash = createHash("sha256").update(normalizeEmail(options.email), "utf8").digest("hex").slice(0, 32);
    enforceRateLimit("signInPerAccount", accountHash);
  }
}
