import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { FullConfig } from "@playwright/test";

import { SERVER_LOG_PATH } from "./server-log";

const READY_TIMEOUT_MS = 120_000;

// Starts the production server (.server/main.mjs, as `npm start` runs it)
// on a fresh embedded database,
// with its output captured in a log file that the leak tests read. Returns
// the teardown that stops it and removes the data.
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) {
    throw new Error("playwright.config.ts must set use.baseURL");
  }
  const { port, hostname } = new URL(baseURL);

  const dataDir = mkdtempSync(path.join(tmpdir(), "bit6-console-e2e-"));
  mkdirSync(path.dirname(SERVER_LOG_PATH), { recursive: true });
  const log = createWriteStream(SERVER_LOG_PATH);

  const server = spawn(process.execPath, [path.resolve(".server/main.mjs")], {
    env: { ...process.env, PORT: port, HOST: hostname, CONSOLE_DATA_DIR: dataDir, DATABASE_URL: "", CONSOLE_ENCRYPTION_KEY: "", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);

  await waitForServer(`${baseURL}/sign-in`, server);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

async function waitForServer(url: string, server: ReturnType<typeof spawn>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;

  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`the console server exited with code ${server.exitCode}; see ${SERVER_LOG_PATH}`);
    }

    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }

    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  server.kill("SIGTERM");
  throw new Error(`the console did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s; see ${SERVER_LOG_PATH}`);
}
