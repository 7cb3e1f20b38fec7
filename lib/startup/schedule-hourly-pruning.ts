import "server-only";

import { pruneAuditEvents } from "@/lib/audit/prune-audit-events";
import { pruneKeyUsage } from "@/lib/keys/prune-key-usage";
import { logger } from "@/lib/log/logger";

export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

const TIMER_SLOT = Symbol.for("bit6-console.hourly-pruning");

type GlobalWithTimer = typeof globalThis & { [TIMER_SLOT]?: NodeJS.Timeout };

const PRUNE_TASKS: { description: string; prune: (options: { now?: Date }) => Promise<{ deleted: number }> }[] = [
  { description: "audit entries past their app's retention", prune: pruneAuditEvents },
  { description: "key usage rows older than 24 hours", prune: pruneKeyUsage },
];

// Deletes audit entries past their app's retention and key usage rows older
// than 24 hours. The second delete runs even when the first failed, and
// failures are logged and retried at the next run.
export async function runHourlyPruning(options: { now?: Date } = {}): Promise<void> {
  for (const task of PRUNE_TASKS) {
    try {
      const { deleted } = await task.prune(options);
      if (deleted > 0) {
        logger.info({ deleted }, `pruned ${task.description}`);
      }
    } catch (error) {
      logger.error({ err: error }, `failed to prune ${task.description}; retrying at the next hourly run`);
    }
  }
}

// Runs runHourlyPruning now and then every hour, once per process. Every
// instance on a shared PostgreSQL prunes too, which is harmless: the deletes
// are idempotent.
export function scheduleHourlyPruning(): void {
  const global = globalThis as GlobalWithTimer;
  if (global[TIMER_SLOT]) {
    return;
  }

  const run = () => void runHourlyPruning();

  run();
  // unref, so the timer never keeps a stopping process alive.
  global[TIMER_SLOT] = setInterval(run, PRUNE_INTERVAL_MS).unref();
}
