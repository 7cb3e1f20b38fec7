// The production entry of `npm start`: one process whose main thread serves
// the token API and the demo endpoint through a lean node:http handler and
// passes every other request to Next.js, which runs in a thread of its own
// (next-thread.ts). The embedded database runs in a third thread
// (lib/db/pglite-thread). `npm run build` bundles these entries with esbuild
// into .server/ (scripts/build-server.mjs).
import "./production-env";

import { fileURLToPath } from "node:url";

import { usePgliteThread } from "@/lib/db/pglite-thread/pglite-thread-setting";
import { logger } from "@/lib/log/logger";
import { createFrontServer } from "@/lib/server/create-front-server";
import { createNextThreadProxy } from "@/lib/server/proxy-to-next-thread";
import { prepareConsole } from "@/lib/startup/prepare-console";
import { markShuttingDown, shutDownConsole, takeOverShutdown } from "@/lib/startup/shut-down-console";

import { startNextThread, type NextThread } from "./start-next-thread";

// Stops waiting for open connections after this long on shutdown.
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const port = readPort(process.env.PORT);
  const host = process.env.HOST?.trim() || undefined;

  // The build puts the database thread's bundle next to this one.
  usePgliteThread({ kind: "owner", workerFile: fileURLToPath(new URL("./pglite-thread.mjs", import.meta.url)) });
  // Opens the database and checks the master key before anything listens,
  // so a misconfiguration stops the start with its message.
  await prepareConsole();
  // This server drains its connections on a stop signal, so the hook that
  // instrumentation.ts installs for `next start` must not exit first.
  takeOverShutdown();

  const nextThread = await startNextThread({ publicPort: port, hostname: host ?? "localhost" });
  const server = createFrontServer({ fallback: createNextThreadProxy(nextThread.socketPath) });
  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    logger.info({ port: actualPort, host: host ?? "all interfaces" }, `console listening on http://${host ?? "localhost"}:${actualPort}`);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "stopping the console");
      markShuttingDown();
      nextThread.markStopping();
      void shutDown(server, nextThread);
    });
  }
}

// Finishes in-flight requests, has the Next.js thread write its queues,
// writes this thread's, and closes the database, so PGlite's folder is left
// clean.
async function shutDown(server: ReturnType<typeof createFrontServer>, nextThread: NextThread): Promise<void> {
  const forced = setTimeout(() => {
    logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, "open connections did not finish in time; closing them");
    server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS);
  forced.unref();

  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));

  // Each step logs what fails and the next one still runs.
  const nextStopped = await nextThread.stop();
  const succeeded = await shutDownConsole();
  process.exit(succeeded && nextStopped ? 0 : 1);
}

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") {
    return 3000;
  }

  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT '${raw}' is invalid: use a TCP port number from 0 to 65535`);
  }
  return port;
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal({ err: error }, `the console cannot start: ${message}`);
  process.exit(1);
});
