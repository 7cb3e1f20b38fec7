import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

import { getDatabase } from "@/lib/db/get-db";
import { readPendingUsage, recordKeyUse } from "@/lib/keys/usage-recorder";
import { logger } from "@/lib/log/logger";
import { sharedSlotMemory } from "@/lib/threads/shared-slots";
import { waitForWorkerMessage } from "@/lib/threads/wait-for-worker-message";

import type { NextThreadData, NextThreadMessage, NextThreadReport } from "./next-thread-messages";

// How long the Next.js thread gets to finish its requests and write its
// queues on shutdown.
const STOP_TIMEOUT_MS = 15_000;

export interface NextThread {
  socketPath: string;
  // Makes /api/ready return 503 while requests drain.
  markStopping(): void;
  // Resolves false when the thread failed to write its queues or did not
  // stop in time; the reason is logged.
  stop(): Promise<boolean>;
}

// Starts Next.js in its own thread (next-thread.ts), listening on a Unix
// socket in a private temporary folder, and waits until it serves. The
// thread shares the cache generations and, on the embedded database, the
// database thread.
export async function startNextThread(options: { publicPort: number; hostname: string }): Promise<NextThread> {
  const socketFolder = mkdtempSync(path.join(tmpdir(), "bit6-console-"));
  const socketPath = path.join(socketFolder, "next.sock");

  const database = await getDatabase();
  const databasePort = database.openClientPort?.();
  const workerData: NextThreadData = { socketPath, publicPort: options.publicPort, hostname: options.hostname, sharedSlots: sharedSlotMemory(), databasePort };

  const worker = new Worker(fileURLToPath(new URL("./next-thread.mjs", import.meta.url)), {
    workerData,
    transferList: databasePort ? [databasePort] : [],
  });

  try {
    await waitForReport(worker, "listening");
  } catch (error) {
    rmSync(socketFolder, { recursive: true, force: true });
    throw error;
  }

  const send = (message: NextThreadMessage) => worker.postMessage(message);
  worker.on("message", (report: NextThreadReport) => {
    if (report.type === "keyUse") {
      recordKeyUse(report.keyId, report.use, new Date(report.at));
    } else if (report.type === "readPendingUsage") {
      send({ type: "pendingUsage", id: report.id, usage: readPendingUsage(report.keyIds) });
    }
  });

  let stopping = false;
  worker.on("exit", (code) => {
    if (!stopping) {
      logger.fatal({ code }, "the console's Next.js thread stopped: the console stops, start it again");
      process.exit(1);
    }
  });

  return {
    socketPath,
    markStopping: () => send({ type: "draining" }),
    stop: async () => {
      stopping = true;
      send({ type: "stop" });
      try {
        const report = await waitForReport(worker, "stopped", STOP_TIMEOUT_MS);
        return report.type === "stopped" && report.succeeded;
      } catch (error) {
        logger.error({ err: error }, "the Next.js thread did not stop cleanly");
        return false;
      } finally {
        await worker.terminate();
        rmSync(socketFolder, { recursive: true, force: true });
      }
    },
  };
}

// Resolves with the thread's report of type `expected`; rejects when the
// thread reports a failure, fails, exits or takes longer than `timeoutMs`.
function waitForReport(worker: Worker, expected: NextThreadReport["type"], timeoutMs?: number): Promise<NextThreadReport> {
  return waitForWorkerMessage<NextThreadReport, NextThreadReport>(worker, {
    name: "the Next.js thread",
    timeoutMs,
    pick: (report) => {
      if (report.type === "failed") {
        return new Error(report.message);
      }
      return report.type === expected ? report : undefined;
    },
  });
}
