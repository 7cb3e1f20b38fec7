import "server-only";

import type { MessagePort } from "node:worker_threads";

// The route from this thread to the embedded database when PGlite does not
// run on this thread. Set by
// the production server (server/main.ts and server/next-thread.ts) before
// the database opens. On globalThis because Next.js bundles its own copy of
// lib/.
export type PgliteThreadSetting =
  // This thread starts the database thread from `workerFile`, the bundled
  // pglite-thread-worker.ts, and owns it.
  | { kind: "owner"; workerFile: string }
  // Another thread started it and handed this one a port to it.
  | { kind: "client"; port: MessagePort };

const SETTING_SLOT = Symbol.for("bit6-console.pglite-thread");

type GlobalWithSetting = typeof globalThis & { [SETTING_SLOT]?: PgliteThreadSetting };

// Without a setting (or after `undefined`), PGlite runs on the calling
// thread, as in tests, `next dev` and the command-line tools, where nothing
// serves under load.
export function usePgliteThread(setting: PgliteThreadSetting | undefined): void {
  (globalThis as GlobalWithSetting)[SETTING_SLOT] = setting;
}

export function readPgliteThreadSetting(): PgliteThreadSetting | undefined {
  return (globalThis as GlobalWithSetting)[SETTING_SLOT];
}
