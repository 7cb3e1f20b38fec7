import type { MessagePort } from "node:worker_threads";

import type { KeyUse, PendingUsage } from "@/lib/keys/usage-recorder";

// Data that server/main.ts passes to the Next.js thread at its start.
export interface NextThreadData {
  // Unix socket path of the thread's HTTP server, to which only the front
  // connects.
  socketPath: string;
  // The port and host name the front listens on, which Next.js uses to
  // build absolute URLs.
  publicPort: number;
  hostname: string;
  // The memory behind lib/threads/shared-slots.ts.
  sharedSlots: SharedArrayBuffer;
  // A port to the embedded database thread; absent on PostgreSQL, where the
  // thread opens its own connection pool.
  databasePort?: MessagePort;
}

// From the main thread to the Next.js thread.
// "draining" comes with the stop signal, "stop" once the front's own
// requests are done. "pendingUsage" replies to the "readPendingUsage" report
// with the same ID.
export type NextThreadMessage =
  | { type: "draining" }
  | { type: "stop" }
  | { type: "pendingUsage"; id: number; usage: Map<string, PendingUsage> };

// From the Next.js thread to the main thread.
// "keyUse" carries one use of a key, which the main thread counts (see
// forwardKeyUses). It travels on the same port as "stopped", so every use
// reaches the main thread before it writes its counts on shutdown.
export type NextThreadReport =
  | { type: "listening" }
  | { type: "failed"; message: string }
  | { type: "stopped"; succeeded: boolean }
  | { type: "keyUse"; keyId: string; use: KeyUse; at: number }
  | { type: "readPendingUsage"; id: number; keyIds: string[] };
