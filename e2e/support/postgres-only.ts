import { test } from "@playwright/test";

// Skips the current describe block unless the suite runs on PostgreSQL,
// with the reason in the report.
export function requirePostgres(): void {
  test.skip(!process.env.E2E_DATABASE_URL, "runs only on PostgreSQL: set TEST_DATABASE_URL to a server, as the second CI pass does");
}

// The database and master key of the main e2e server, for extra instances.
export function sharedDatabaseEnv(): Record<string, string> {
  return { DATABASE_URL: process.env.E2E_DATABASE_URL ?? "", CONSOLE_ENCRYPTION_KEY: process.env.E2E_ENCRYPTION_KEY ?? "" };
}
