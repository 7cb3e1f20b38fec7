import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import { openDatabase, type Database } from "./open-database";

// Next.js bundles instrumentation, route handlers and pages separately, so a
// module-level variable could exist once per bundle. The database must be
// opened once per process (PGlite corrupts a folder opened twice), so the
// handle lives on globalThis.
const DATABASE_SLOT = Symbol.for("bit6-console.database");

type GlobalWithDatabase = typeof globalThis & { [DATABASE_SLOT]?: Promise<Database> };

// Opens the database on first use, never at import time, because `next build`
// imports every module.
export function getDatabase(): Promise<Database> {
  const global = globalThis as GlobalWithDatabase;

  if (!global[DATABASE_SLOT]) {
    const opening = openDatabase();
    // A failed open must not be cached, or the console could never recover.
    opening.catch(() => {
      if (global[DATABASE_SLOT] === opening) {
        delete global[DATABASE_SLOT];
      }
    });
    global[DATABASE_SLOT] = opening;
  }

  return global[DATABASE_SLOT];
}

export async function getDb(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

// Closes the process-wide database, for tests and graceful shutdown.
export async function closeDatabase(): Promise<void> {
  const global = globalThis as GlobalWithDatabase;
  const opening = global[DATABASE_SLOT];
  delete global[DATABASE_SLOT];

  if (opening) {
    await (await opening).close();
  }
}
