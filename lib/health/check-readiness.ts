import "server-only";

import { reportDatabaseAvailable, reportDatabaseError } from "@/lib/db/database-health";
import { getDatabase } from "@/lib/db/get-db";
import { listPendingMigrations, readMigrationFiles, type MigrationFile } from "@/lib/db/migrate";
import { isConsoleError } from "@/lib/errors/console-error";
import { logger } from "@/lib/log/logger";
import { isShuttingDown } from "@/lib/startup/shut-down-console";

export type Readiness = { ready: true } | { ready: false; reason: string };

const STATE_SLOT = Symbol.for("bit6-console.readiness");

interface ReadinessState {
  // The migration files do not change while the process runs.
  migrations?: MigrationFile[];
  // The last reason given, so only a change of state is logged and a probe
  // every few seconds does not flood the log.
  lastReason: string | null;
}

function readinessState(): ReadinessState {
  const global = globalThis as typeof globalThis & { [STATE_SLOT]?: ReadinessState };
  global[STATE_SLOT] ??= { lastReason: null };
  return global[STATE_SLOT];
}

// Decides whether this instance should get traffic: it is not shutting
// down, the database runs a query, and no migration is pending. The
// reason names the problem and the fix without hosts or error internals.
export async function checkReadiness(): Promise<Readiness> {
  const readiness = await evaluateReadiness();
  const state = readinessState();
  const reason = readiness.ready ? null : readiness.reason;

  if (reason !== state.lastReason) {
    if (reason === null) {
      logger.info("the console is ready");
    } else {
      logger.warn({ reason }, "the console is not ready");
    }
    state.lastReason = reason;
  }
  return readiness;
}

async function evaluateReadiness(): Promise<Readiness> {
  if (isShuttingDown()) {
    return { ready: false, reason: "the console is shutting down" };
  }

  let pending: string[];
  try {
    const database = await getDatabase();
    await database.sql.query("SELECT 1");
    reportDatabaseAvailable();
    const state = readinessState();
    state.migrations ??= readMigrationFiles();
    pending = await listPendingMigrations(database.sql, state.migrations);
  } catch (error) {
    if (reportDatabaseError(error)) {
      return { ready: false, reason: "the database is unavailable" };
    }
    if (isConsoleError(error)) {
      // Migration problems: their messages name the migration and the fix.
      return { ready: false, reason: error.message };
    }
    logger.error({ err: error }, "readiness check failed");
    return { ready: false, reason: "the readiness check failed: see the console's log" };
  }

  if (pending.length > 0) {
    return { ready: false, reason: `${pending.length} database migrations are pending (${pending.join(", ")}): run npm run db:migrate` };
  }
  return { ready: true };
}
