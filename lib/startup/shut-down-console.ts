import "server-only";

import { flushAuditQueue } from "@/lib/audit/record-audit-event";
import { closeDatabase } from "@/lib/db/get-db";
import { flushKeyUsage } from "@/lib/keys/usage-recorder";
import { logger } from "@/lib/log/logger";
import { stopRateLimiter } from "@/lib/rate-limit/get-rate-limiter";

const SHUTDOWN_SLOT = Symbol.for("bit6-console.shutdown");
const STOPPING_SLOT = Symbol.for("bit6-console.stopping");
const OWNED_SLOT = Symbol.for("bit6-console.shutdown-owned");

type GlobalWithShutdown = typeof globalThis & { [SHUTDOWN_SLOT]?: Promise<boolean>; [STOPPING_SLOT]?: boolean; [OWNED_SLOT]?: boolean };

// Declares that the caller handles stop signals and calls shutDownConsole
// itself, as the console's HTTP server does, so hookGracefulShutdown stays
// out of the way.
export function takeOverShutdown(): void {
  (globalThis as GlobalWithShutdown)[OWNED_SLOT] = true;
}

export function isShutdownTakenOver(): boolean {
  return (globalThis as GlobalWithShutdown)[OWNED_SLOT] === true;
}

// Marks the console as stopping when a stop signal arrives, before the
// in-flight requests finish, so /api/ready returns 503 and a load balancer
// stops sending new requests.
export function markShuttingDown(): void {
  (globalThis as GlobalWithShutdown)[STOPPING_SLOT] = true;
}

// True once a stop signal arrived or shutDownConsole started.
export function isShuttingDown(): boolean {
  const global = globalThis as GlobalWithShutdown;
  return global[STOPPING_SLOT] === true || global[SHUTDOWN_SLOT] !== undefined;
}

// Writes what is still queued in memory (audit events, key usage counts,
// rate limit hits) and closes the database pool. Call it after the HTTP server stopped taking
// requests and the in-flight ones finished. A second call waits for the
// first. Each step runs even when an earlier one failed, because losing
// usage counts must not leave the pool open. Resolves false when a step
// failed; the failure is logged.
// `stoppedMessage` is logged at the end; the production server's Next.js
// thread, which shares the main thread's database, logs its own.
export function shutDownConsole(options: { stoppedMessage?: string } = {}): Promise<boolean> {
  const global = globalThis as GlobalWithShutdown;
  global[SHUTDOWN_SLOT] ??= runShutdown(options.stoppedMessage ?? "console stopped: queues written and database closed");
  return global[SHUTDOWN_SLOT];
}

async function runShutdown(stoppedMessage: string): Promise<boolean> {
  const steps: [string, () => Promise<void>][] = [
    ["write queued audit events", flushAuditQueue],
    ["write key usage counts", flushKeyUsage],
    ["write rate limit counts", stopRateLimiter],
    ["close the database", closeDatabase],
  ];

  let succeeded = true;
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (error) {
      succeeded = false;
      logger.error({ err: error, step: name }, `failed to ${name} on shutdown`);
    }
  }

  if (succeeded) {
    logger.info(stoppedMessage);
  }
  return succeeded;
}
