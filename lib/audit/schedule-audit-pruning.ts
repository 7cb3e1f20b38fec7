import "server-only";

import { logger } from "@/lib/log/logger";

import { pruneAuditEvents } from "./prune-audit-events";

export const AUDIT_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

const TIMER_SLOT = Symbol.for("bit6-console.audit-pruning");

type GlobalWithTimer = typeof globalThis & { [TIMER_SLOT]?: NodeJS.Timeout };

// Prunes old audit entries now and then every hour, once per process. Every
// instance on a shared PostgreSQL prunes too, which is harmless: the deletes
// are idempotent. Failures are logged and retried at the next run.
export function scheduleAuditPruning(): void {
  const global = globalThis as GlobalWithTimer;
  if (global[TIMER_SLOT]) {
    return;
  }

  const run = () => {
    pruneAuditEvents()
      .then(({ deleted }) => {
        if (deleted > 0) {
          logger.info({ deleted }, "pruned audit entries past their app's retention");
        }
      })
      .catch((error: unknown) => logger.error({ err: error }, "failed to prune audit entries; retrying at the next hourly run"));
  };

  run();
  // unref, so the timer never keeps a stopping process alive.
  global[TIMER_SLOT] = setInterval(run, AUDIT_PRUNE_INTERVAL_MS).unref();
}
