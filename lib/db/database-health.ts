import "server-only";

import { logger } from "@/lib/log/logger";
import { swapSlot } from "@/lib/threads/shared-slots";

import { isDatabaseUnavailable } from "./database-unavailable";

// A probe runs at most this often while the database is marked down, so an
// outage costs one connection attempt per second, not one per request.
const PROBE_INTERVAL_MS = 1_000;

interface HealthState {
  // When the current outage began (the first failed request); null while fine.
  unavailableSince: number | null;
  lastProbeAt: number;
  probing: Promise<boolean> | null;
  // Runs `SELECT 1` on the open database; set by openDatabase.
  probe: (() => Promise<void>) | null;
}

// On globalThis because the proxy, route handlers, server actions and
// instrumentation are bundled separately and must share one state.
const HEALTH_SLOT = Symbol.for("bit6-console.database-health");

function healthState(): HealthState {
  const global = globalThis as typeof globalThis & { [HEALTH_SLOT]?: HealthState };
  global[HEALTH_SLOT] ??= { unavailableSince: null, lastProbeAt: 0, probing: null, probe: null };
  return global[HEALTH_SLOT];
}

// Registers how to probe the open database. Called once it is open.
export function registerDatabaseProbe(probe: () => Promise<void>): void {
  healthState().probe = probe;
}

// Notes an error from a database call. Returns true when it means the
// database is unreachable: from then on, page requests get the 503 page
// until a probe succeeds.
export function reportDatabaseError(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) {
    return false;
  }

  const state = healthState();
  if (state.unavailableSince === null) {
    state.unavailableSince = Date.now();
    // Each thread of the production server tracks the outage, and the first
    // to see it logs it for all of them.
    if (swapSlot("databaseDown", 0, 1)) {
      logger.error({ err: error }, "the database is unavailable: returning 503 until a probe succeeds");
    }
  }
  return true;
}

// Returns whether the database is believed reachable. Costs nothing while no
// outage was reported. During one it probes at most once per
// PROBE_INTERVAL_MS and clears the outage when a probe succeeds.
export async function checkDatabaseAvailable(): Promise<boolean> {
  const state = healthState();
  if (state.unavailableSince === null) {
    return true;
  }
  if (state.probing) {
    return state.probing;
  }
  if (Date.now() - state.lastProbeAt < PROBE_INTERVAL_MS || !state.probe) {
    return false;
  }

  state.lastProbeAt = Date.now();
  state.probing = runProbe(state.probe).finally(() => {
    state.probing = null;
  });
  return state.probing;
}

async function runProbe(probe: () => Promise<void>): Promise<boolean> {
  try {
    await probe();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) {
      logger.error({ err: error }, "database probe failed with an unexpected error");
    }
    return false;
  }

  reportDatabaseAvailable();
  return true;
}

// Clears an outage after any query succeeded, such as the readiness check's.
export function reportDatabaseAvailable(): void {
  const state = healthState();
  if (state.unavailableSince === null) {
    return;
  }

  const downForMs = Date.now() - state.unavailableSince;
  state.unavailableSince = null;
  if (swapSlot("databaseDown", 1, 0)) {
    logger.info({ downForMs }, "the database is available again");
  }
}
