import { randomBytes } from "node:crypto";

import pg from "pg";

// The PostgreSQL server the suite runs against instead of PGlite: the URL of
// a role allowed to CREATE DATABASE, usually the `postgres` database of a
// throwaway cluster (scripts/with-test-postgres.ts starts one). Unset means
// the suite runs on PGlite only.
export const TEST_DATABASE_URL_VARIABLE = "TEST_DATABASE_URL";

export function readTestDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env[TEST_DATABASE_URL_VARIABLE]?.trim();
  if (!url) {
    return null;
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`${TEST_DATABASE_URL_VARIABLE} must be a postgres:// or postgresql:// URL; unset it to test on PGlite`);
  }
  return url;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

// Creates an empty database named bit6_test_<random> on the test server, so
// every test file (and every e2e run) starts from nothing and files can run
// in parallel. drop() ends leftover sessions and removes it.
export async function createTestDatabase(adminUrl: string = requireTestDatabaseUrl()): Promise<TestDatabase> {
  const name = `bit6_test_${randomBytes(6).toString("hex")}`;
  await runAdminStatement(adminUrl, `CREATE DATABASE "${name}"`);

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  return {
    name,
    url: url.toString(),
    drop: () => runAdminStatement(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

function requireTestDatabaseUrl(): string {
  const url = readTestDatabaseUrl();
  if (!url) {
    throw new Error(`${TEST_DATABASE_URL_VARIABLE} is not set: point it at a PostgreSQL server to create test databases on`);
  }
  return url;
}

async function runAdminStatement(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// Runs one statement on a test database over its own connection and returns
// the rows, for tests that check what a server or command wrote.
export async function queryTestDatabase<Row>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}
