import "server-only";

import { isSelfSignUpAllowed } from "@/lib/auth/sign-up-policy";
import { getLoadedMasterKey } from "@/lib/crypto/get-master-key";
import { getDatabase } from "@/lib/db/get-db";
import { listPendingMigrations } from "@/lib/db/migrate";
import { logger } from "@/lib/log/logger";

import { scheduleHourlyPruning } from "./schedule-hourly-pruning";

const PREPARED_SLOT = Symbol.for("bit6-console.prepared");

// Opens the database (applying pending migrations) and checks the master
// encryption key and CONSOLE_ALLOW_SIGNUP before the console serves its first
// request, so that a misconfiguration stops the start instead of failing
// later requests. Then logs that the console is ready and starts the hourly
// pruning of old audit entries and key usage rows, unless `announce` is
// false: the production server's Next.js thread (server/next-thread.ts)
// leaves both to the main thread. Next.js's instrumentation hook calls it
// too, so later calls in a thread share the first call's result.
export function prepareConsole(options: { announce?: boolean } = {}): Promise<void> {
  const global = globalThis as typeof globalThis & { [PREPARED_SLOT]?: Promise<void> };
  global[PREPARED_SLOT] ??= runPreparation(options.announce ?? true);
  return global[PREPARED_SLOT];
}

async function runPreparation(announce: boolean): Promise<void> {
  const selfSignUp = isSelfSignUpAllowed();
  const database = await getDatabase();

  // With DATABASE_MIGRATE_ON_START=false the tables may not exist yet. The
  // console then starts so that /api/ready can report the pending
  // migrations, and checks the master key on first use.
  const pending = await listPendingMigrations(database.sql);
  if (pending.length > 0) {
    if (announce) {
      logger.warn({ pending }, "database migrations are pending: run npm run db:migrate. /api/ready returns 503 until then");
    }
    return;
  }

  const masterKey = await getLoadedMasterKey();
  if (!announce) {
    return;
  }

  const where = database.config.kind === "pglite" ? database.config.databaseDir : "PostgreSQL (DATABASE_URL)";
  const keySource = masterKey.source === "environment" ? "CONSOLE_ENCRYPTION_KEY" : masterKey.filePath;
  logger.info({ database: database.config.kind, location: where, masterKeySource: keySource, selfSignUp }, "console ready");

  scheduleHourlyPruning();
}

// Runs prepareConsole and ends the process with a clear log line when it
// fails, because serving requests on a broken setup would only fail later.
export async function prepareConsoleOrExit(): Promise<void> {
  try {
    await prepareConsole();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, `the console cannot start: ${message}`);
    process.exit(1);
  }
}
