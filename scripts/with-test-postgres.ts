// Runs a command with TEST_DATABASE_URL pointing at a throwaway PostgreSQL
// server on 127.0.0.1, then stops the server and deletes its folder:
//
//   npx tsx scripts/with-test-postgres.ts npm test
//
// The suite then creates a fresh database per test file on that server.
import { spawnSync } from "node:child_process";

import { startPostgresCluster } from "@/lib/testing/postgres-cluster";
import { TEST_DATABASE_URL_VARIABLE } from "@/lib/testing/test-postgres";

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error("usage: tsx scripts/with-test-postgres.ts COMMAND [ARGS…], for example `npm test`");
    return 2;
  }

  const cluster = await startPostgresCluster();
  console.log(`PostgreSQL test server on 127.0.0.1:${cluster.port}, data in ${cluster.dataDir}`);

  try {
    const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, [TEST_DATABASE_URL_VARIABLE]: cluster.adminUrl } });
    return result.status ?? 1;
  } finally {
    cluster.destroy();
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
