import "server-only";

import { mkdirSync } from "node:fs";
import path from "node:path";

import type { DatabaseConfig } from "./database-config";
import { acquirePgliteLock } from "./pglite-lock";
import type { SqlSession } from "./sql-session";

export interface OpenSqlSession {
  session: SqlSession;
  close(): Promise<void>;
}

// Opens one raw SQL connection to the configured database, without Prisma
// and without applying migrations, for the maintenance commands
// (db:migrate, db:backup, db:restore). On the embedded database it takes
// the same lock file as the console, so it fails with a clear message while
// a console holds the folder.
export async function openSqlSession(config: DatabaseConfig): Promise<OpenSqlSession> {
  if (config.kind === "postgres") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();

    return {
      session: {
        query: async (text, params) => (await client.query(text, params)).rows,
        exec: async (script) => {
          await client.query(script);
        },
      },
      close: () => client.end(),
    };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const releaseLock = acquirePgliteLock(path.join(config.dataDir, "pglite.lock"));

  try {
    const client = await PGlite.create(config.databaseDir);
    return {
      session: {
        query: async (text, params) => (await client.query(text, params)).rows as never,
        exec: async (script) => {
          await client.exec(script);
        },
      },
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
