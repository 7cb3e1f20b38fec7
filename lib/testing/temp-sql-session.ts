import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

import type { SqlSession } from "@/lib/db/sql-session";

import { createTestDatabase, readTestDatabaseUrl } from "./test-postgres";

export interface TempSqlSession {
  session: SqlSession;
  kind: "pglite" | "postgres";
  // The database's URL on PostgreSQL, for tests that open more connections.
  url: string | null;
  close(): Promise<void>;
}

// Opens raw SQL on an empty database: an in-memory PGlite, or a fresh
// database on the TEST_DATABASE_URL server. On PostgreSQL the session is
// one connection, so advisory locks and transactions behave as they do in
// the migration runner.
export async function openTempSqlSession(): Promise<TempSqlSession> {
  const adminUrl = readTestDatabaseUrl();

  if (!adminUrl) {
    const client = await PGlite.create();
    return {
      kind: "pglite",
      url: null,
      session: {
        query: async (text, params) => (await client.query(text, params)).rows as never,
        exec: async (script) => {
          await client.exec(script);
        },
      },
      close: () => client.close(),
    };
  }

  const database = await createTestDatabase(adminUrl);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();

  return {
    kind: "postgres",
    url: database.url,
    session: {
      query: async (text, params) => (await client.query(text, params)).rows,
      exec: async (script) => {
        await client.query(script);
      },
    },
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}
