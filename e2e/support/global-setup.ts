import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { FullConfig } from "@playwright/test";

import { createTestDatabase, readTestDatabaseUrl } from "../../lib/testing/test-postgres";

import { startConsoleServer } from "./console-server";
import { SERVER_LOG_PATH } from "./server-log";

// Starts the production server (as `npm start` runs it) on a fresh database: embedded
// by default, or a new database on the TEST_DATABASE_URL server. Its output
// is captured in a log file that the leak tests read. Specs that start more
// instances on the same database find it in E2E_DATABASE_URL and
// E2E_ENCRYPTION_KEY (both unset on the embedded database). Returns the
// teardown that stops the server and removes the data.
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) {
    throw new Error("playwright.config.ts must set use.baseURL");
  }
  const { port } = new URL(baseURL);

  const dataDir = mkdtempSync(path.join(tmpdir(), "bit6-console-e2e-"));
  const adminUrl = readTestDatabaseUrl();
  const database = adminUrl ? await createTestDatabase(adminUrl) : null;
  const encryptionKey = database ? randomBytes(32).toString("base64") : "";

  if (database) {
    process.env.E2E_DATABASE_URL = database.url;
    process.env.E2E_ENCRYPTION_KEY = encryptionKey;
  }

  const server = await startConsoleServer({
    port: Number(port),
    logPath: SERVER_LOG_PATH,
    env: { CONSOLE_DATA_DIR: dataDir, DATABASE_URL: database?.url ?? "", CONSOLE_ENCRYPTION_KEY: encryptionKey },
  });

  return async () => {
    await server.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
