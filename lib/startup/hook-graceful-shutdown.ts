import "server-only";

import { logger } from "@/lib/log/logger";

import { isShutdownTakenOver, markShuttingDown, shutDownConsole } from "./shut-down-console";

const HOOKED_SLOT = Symbol.for("bit6-console.shutdown-hooked");

// Makes `next start` run shutDownConsole before it exits on SIGTERM or
// SIGINT. Next.js 16's own signal handler (next/dist/server/lib/start-server.js)
// stops accepting connections, waits for in-flight requests, then calls
// process.exit(143) or process.exit(130). Writing the queues must come after
// the in-flight requests and before the exit, and Next.js offers no hook
// between the two, so the exit is wrapped.
// The console's own server (server/main.ts) drains its connections and calls
// shutDownConsole itself, and declares so with takeOverShutdown, so this
// hook does nothing there.
// NOTE: under `next start` this relies on Next.js calling process.exit once
// its requests are done.
export function hookGracefulShutdown(): void {
  const global = globalThis as typeof globalThis & { [HOOKED_SLOT]?: boolean };
  if (global[HOOKED_SLOT] || isShutdownTakenOver()) {
    return;
  }
  global[HOOKED_SLOT] = true;

  const exit = process.exit.bind(process);
  let signalled: NodeJS.Signals | null = null;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      signalled = signal;
      markShuttingDown();
      logger.info({ signal }, "stopping the console: finishing in-flight requests");

      // A listener replaces Node's default of exiting on the signal. When
      // nothing else handles it (NEXT_MANUAL_SIG_HANDLE is set), exit here.
      if (process.listenerCount(signal) === 0) {
        void shutDownConsole().finally(() => exit(signal === "SIGTERM" ? 143 : 130));
      }
    });
  }

  process.exit = ((code?: number | string | null) => {
    if (signalled === null) {
      return exit(code);
    }
    void shutDownConsole().finally(() => exit(code));
    return undefined as never;
  }) as typeof process.exit;
}
