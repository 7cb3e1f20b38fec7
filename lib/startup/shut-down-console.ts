import "server-only";

import { flushAuditQueue } from "@/lib/audit/record-audit-event";
import { closeDatabase } from "@/lib/db/get-db";
import { flushKeyUsage } from "@/lib/keys/usage-recorder";
import { logger } from "@/lib/log/logger";

const SHUTDOWN_SLOT = Symbol.for("bit6-console.shutdown");

type GlobalWithShutdown = typeof globalThis & { [SHUTDOWN_SLOT]?: Promise<void> };

// True once shutDownConsole started, so /api/ready returns 503 and a load
// balancer stops sending new requests.
export function isShuttingDown(): boolean {
  return (globalThis as GlobalWithShutdown)[SHUTDOWN_SLOT] !== undefined;
}

// Writes what is still queued in memory (audit events, key usage counts) and
// closes the database pool. Call it after the HTTP server stopped taking
// requests and the in-flight ones finished. A second call waits for the
// first. Each step runs even when an earlier one failed, because losing
// usage counts must not leave the pool open.
export function shutDownConsole(): Promise<void> {
  const global = globalThis as GlobalWithShutdown;
  global[SHUTDOWN_SLOT] ??= runShutdown();
  return global[SHUTDOWN_SLOT];
}

async function runShutdown(): Promise<void> {
  const steps: [string, () => Promise<void>][] = [
    ["write queued audit events", flushAuditQueue],
    ["write key usage counts", flushKeyUsage],
    ["close the database", closeDatabase],
  ];

  for (const [name, step] of steps) {
    try {
      await step();
    } catch (error) {
      logger.error({ err: error, step: name }, `failed to ${name} on shutdown`);
    }
  }

  logger.info("console stopped: queues written and database closed");
}
