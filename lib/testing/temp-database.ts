import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll } from "vitest";

import { flushAuditQueue } from "@/lib/audit/record-audit-event";
import { closeDatabase, getDatabase } from "@/lib/db/get-db";
import { flushKeyUsage } from "@/lib/keys/usage-recorder";
import { stopRateLimiter } from "@/lib/rate-limit/get-rate-limiter";

import { createTestDatabase, readTestDatabaseUrl, type TestDatabase } from "./test-postgres";

const MASTER_KEY_SLOT = Symbol.for("bit6-console.master-key");

// Points this test file at a fresh database and removes it afterwards: an
// embedded PGlite database in a temporary folder, or, when TEST_DATABASE_URL
// is set, a new database on that PostgreSQL server with a random master key.
// Tests run against a real database, never a mock.
export function useTempDatabase(): { dataDir: () => string } {
  let dataDir = "";
  let postgres: TestDatabase | null = null;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "bit6-console-test-"));
    process.env.CONSOLE_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    delete process.env.CONSOLE_ENCRYPTION_KEY;
    delete process.env.CONSOLE_ENCRYPTION_KEY_PREVIOUS;

    const adminUrl = readTestDatabaseUrl();
    if (adminUrl) {
      postgres = await createTestDatabase(adminUrl);
      process.env.DATABASE_URL = postgres.url;
      process.env.CONSOLE_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    }
    // Opened here, under the longer hook timeout, so that starting PGlite
    // and migrating on a busy machine does not count against the first test.
    await getDatabase();
  });

  afterAll(async () => {
    // Queued audit entries, the limiter's last sync and the usage counts
    // need the database, and a later timer tick must not open it again in
    // the removed folder or the dropped database.
    await flushAuditQueue();
    await flushKeyUsage();
    await stopRateLimiter();
    await closeDatabase();
    delete (globalThis as Record<symbol, unknown>)[MASTER_KEY_SLOT];
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return { dataDir: () => dataDir };
}
