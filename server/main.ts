// The production entry of `npm start`: one process that serves the token
// API and the demo endpoint through a lean node:http handler and passes
// every other request to Next.js. `npm run build` bundles this file with
// esbuild into .server/main.mjs (scripts/build-server.mjs).
import "./production-env";

import { closeDatabase } from "@/lib/db/get-db";
import { flushKeyUsage } from "@/lib/keys/usage-recorder";
import { logger } from "@/lib/log/logger";
import { stopRateLimiter } from "@/lib/rate-limit/get-rate-limiter";
import { createFrontServer } from "@/lib/server/create-front-server";
import { prepareConsole } from "@/lib/startup/prepare-console";

// Stops waiting for open connections after this long on shutdown.
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const port = readPort(process.env.PORT);
  const host = process.env.HOST?.trim() || undefined;

  // Opens the database and checks the master key before anything listens,
  // so a misconfiguration stops the start with its message.
  await prepareConsole();

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
      void shutDown(server);
    });
  }
}

// Finishes in-flight requests, writes the counters that are still in
// memory, and closes the database, so PGlite's folder is left clean.
async function shutDown(server: ReturnType<typeof createFrontServer>): Promise<void> {
  const forced = setTimeout(() => {
    logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, "open connections did not finish in time; closing them");
    server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS);
  forced.unref();

  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));

  try {
    await flushKeyUsage();
    await stopRateLimiter();
    await closeDatabase();
  } catch (error) {
    logger.error({ err: error }, "failed to write counters or close the database on shutdown");
    process.exit(1);
  }
  process.exit(0);
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
