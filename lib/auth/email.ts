// Emails are compared case-insensitively: they are stored trimmed and
// lower-cased, and every lookup normalizes the same way.
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
