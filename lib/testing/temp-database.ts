import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll } from "vitest";

import { closeDatabase } from "@/lib/db/get-db";
import { stopRateLimiter } from "@/lib/rate-limit/get-rate-limiter";

const MASTER_KEY_SLOT = Symbol.for("bit6-console.master-key");

// Points this test file at a fresh embedded database in a temporary folder
// and removes it afterwards. Tests run against real PGlite, never a mock.
export function useTempDatabase(): { dataDir: () => string } {
  let dataDir = "";

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "bit6-console-test-"));
    process.env.CONSOLE_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    delete process.env.CONSOLE_ENCRYPTION_KEY;
  });

  afterAll(async () => {
    // The limiter's last sync needs the database, and a later timer tick
    // must not open it again in the removed folder.
    await stopRateLimiter();
    await closeDatabase();
    delete (globalThis as Record<symbol, unknown>)[MASTER_KEY_SLOT];
    rmSync(dataDir, { recursive: true, force: true });
  });

  return { dataDir: () => dataDir };
}
