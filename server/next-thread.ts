// The thread in which the production server runs Next.js: the pages, server
// actions and route handlers of the console. server/main.ts starts it and
// passes it every request that the token API front does not serve itself.
// Next.js gets a thread of its own because on Node.js 20 its
// AsyncLocalStorage turns on promise hooks, which slow every promise in the
// thread that loads it, the token API's included (bench/README.md).
// `npm run build` bundles this file into .server/next-thread.mjs.
import "./production-env";

import { createServer } from "node:http";
import { type MessagePort, parentPort, workerData } from "node:worker_threads";

import { usePgliteThread } from "@/lib/db/pglite-thread/pglite-thread-setting";
import { forwardKeyUses, type PendingUsage } from "@/lib/keys/usage-recorder";
import { logger } from "@/lib/log/logger";
import { prepareConsole } from "@/lib/startup/prepare-console";
import { markShuttingDown, shutDownConsole, takeOverShutdown } from "@/lib/startup/shut-down-console";
import { adoptSharedSlots } from "@/lib/threads/shared-slots";

import type { NextThreadData, NextThreadMessage, NextThreadReport } from "./next-thread-messages";

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) {
    throw new Error("server/next-thread.ts must run in a worker thread");
  }

  const data = workerData as NextThreadData;
  adoptSharedSlots(data.sharedSlots);
  if (data.databasePort) {
    usePgliteThread({ kind: "client", port: data.databasePort });
  }
  // The main thread receives the stop signals and sends this one a stop
  // message.
  takeOverShutdown();
  const usageReplies = forwardUsageToMainThread(port);
  await prepareConsole({ announce: false });

  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port: data.publicPort, hostname: data.hostname });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((request, response) => {
    void Promise.resolve(handle(request, response)).catch((error: unknown) => {
      logger.error({ err: error }, "Next.js failed to handle a request");
      if (!response.headersSent) {
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      }
      response.end();
    });
  });
  // Longer than NEXT_THREAD_IDLE_MS, after which the front drops an idle
  // connection, so the front never sends a request on a connection that
  // this server is closing.
  server.keepAliveTimeout = 65_000;

  port.on("message", (message: NextThreadMessage) => {
    if (message.type === "draining") {
      markShuttingDown();
    } else if (message.type === "stop") {
      void stop(server, port);
    } else {
      usageReplies.get(message.id)?.(message.usage);
      usageReplies.delete(message.id);
    }
  });
  server.listen(data.socketPath, () => port.postMessage({ type: "listening" } satisfies NextThreadReport));
}

// Sends this thread's key uses to the main thread, which counts every use of
// the process. Returns the callbacks that wait for its replies to
// readPending, by request ID. Uses and questions share one port, so a
// reply counts every use sent before the question.
function forwardUsageToMainThread(port: MessagePort): Map<number, (usage: Map<string, PendingUsage>) => void> {
  const replies = new Map<number, (usage: Map<string, PendingUsage>) => void>();
  let nextId = 1;

  forwardKeyUses({
    record: (keyId, use, at) => port.postMessage({ type: "keyUse", keyId, use, at: at.getTime() } satisfies NextThreadReport),
    readPending: (keyIds) =>
      new Promise((resolve) => {
        const id = nextId++;
        replies.set(id, resolve);
        port.postMessage({ type: "readPendingUsage", id, keyIds } satisfies NextThreadReport);
      }),
  });
  return replies;
}

// Finishes the requests in flight and writes this thread's queues (audit
// events, key usage, rate limit counts). The database stays open: the main
// thread closes it after its own queues are written.
async function stop(server: ReturnType<typeof createServer>, port: NonNullable<typeof parentPort>): Promise<void> {
  markShuttingDown();
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));

  const succeeded = await shutDownConsole({ stoppedMessage: "Next.js thread stopped: its queues are written" });
  port.postMessage({ type: "stopped", succeeded } satisfies NextThreadReport);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal({ err: error }, `the console's Next.js thread cannot start: ${message}`);
  parentPort?.postMessage({ type: "failed", message } satisfies NextThreadReport);
});
