import type { MessagePort } from "node:worker_threads";

// The messages between the console's threads and the thread that runs the
// embedded database (pglite-thread-worker.ts). Each request carries an ID,
// and its reply carries the same ID. "connect" hands the database thread a
// port for another client thread, and has no reply.

export type ThreadRequest =
  | { type: "query"; id: number; txId?: number; sql: string; params: unknown[]; rowMode?: "array" | "object"; rawTypes: number[] }
  | { type: "exec"; id: number; txId?: number; sql: string }
  | { type: "copy"; id: number; sql: string; csv: string }
  | { type: "begin"; id: number; txId: number }
  | { type: "rollback"; id: number; txId: number }
  | { type: "end"; id: number; txId: number }
  | { type: "close"; id: number }
  | { type: "connect"; id: number; port: MessagePort };

// An error as plain data, because structured cloning drops the fields of
// PGlite's DatabaseError (code, detail, constraint and the rest).
export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
  databaseError: boolean;
  fields: Record<string, string | number | boolean | null>;
}

export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ThreadError };

// Sent once, after PGlite opened the folder or failed to.
export type ThreadStart = { type: "ready" } | { type: "failed"; error: ThreadError };

export interface ThreadOptions {
  databaseDir: string;
}

export function toThreadError(error: unknown, databaseError: boolean): ThreadError {
  if (!(error instanceof Error)) {
    return { name: "Error", message: String(error), databaseError: false, fields: {} };
  }

  const fields: ThreadError["fields"] = {};
  for (const [name, value] of Object.entries(error)) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) {
      fields[name] = value as string | number | boolean | null;
    }
  }
  return { name: error.name, message: error.message, stack: error.stack, databaseError, fields };
}
