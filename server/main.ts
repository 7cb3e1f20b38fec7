// The production entry of `npm start`: one process that serves the token
// API and the demo endpoint through a lean node:http handler and passes
// every other request to Next.js. `npm run build` bundles this file with
// esbuild into .server/main.mjs (scripts/build-server.mjs).
import "./production-env";

import { logger } from "@/lib/log/logger";
import { createFrontServer } from "@/lib/server/create-front-server";
import { prepareConsole } from "@/lib/startup/prepare-console";
import { markShuttingDown, shutDownConsole, takeOverShutdown } from "@/lib/startup/shut-down-console";

// Stops waiting for open connections after this long on shutdown.
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const port = readPort(process.env.PORT);
  const host = process.env.HOST?.trim() || undefined;

  // Opens the database and checks the master key before anything listens,
  // so a misconfiguration stops the start with its message.
  await prepareConsole();
  // This server drains its connections on a stop signal, so the hook that
  // instrumentation.ts installs for `next start` must not exit first.
  takeOverShutdown();

  // Loaded here, after production-env.ts ran: a bundle hoists every static
  // import of an external package above the bundled code.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port, hostname: host ?? "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createFrontServer({ fallback: (request, response) => handle(request, response) });
  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    logger.info({ port: actualPort, host: host ?? "all interfaces" }, `console listening on http://${host ?? "localhost"}:${actualPort}`);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "stopping the console");
      markShuttingDown();
      void shutDown(server);
    });
  }
}

// Finishes in-flight requests, writes what is still queued in memory, and
// closes the database, so PGlite's folder is left clean.
async function shutDown(server: ReturnType<typeof createFrontServer>): Promise<void> {
  const forced = setTimeout(() => {
    logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, "open connections did not finish in time; closing them");
    server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS);
  forced.unref();

  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));

  // Writes the audit queue, key usage and rate limit counts, then closes
  // the database. It logs each step that fails and carries on.
  const succeeded = await shutDownConsole();
  process.exit(succeeded ? 0 : 1);
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
