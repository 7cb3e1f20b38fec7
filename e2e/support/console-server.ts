import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { findFreePort } from "../../lib/testing/find-free-port";

const READY_TIMEOUT_MS = 120_000;

export interface ConsoleServer {
  baseURL: string;
  logPath: string;
  process: ChildProcess;
  // Everything the server printed so far.
  readLog(): string;
  // Sends the signal and resolves with the exit code once the process ended.
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

// The production entry that `npm start` runs, built by scripts/e2e.mjs.
const SERVER_BUNDLE = path.resolve(".server", "main.mjs");

// Every e2e request comes from 127.0.0.1, so the per-address limits of the
// demo endpoint and the token API would throttle the suite itself. Tests
// of the limits pass their own values.
const TEST_RATE_LIMITS = { RATE_LIMIT_DEMO_PER_IP: "100000/60", RATE_LIMIT_API_PER_IP: "100000/60", RATE_LIMIT_SIGN_IN_PER_IP: "100000/900" };

// Starts the production build as `npm start` does (the bundled HTTP front
// with Next.js behind it) on 127.0.0.1, with `env` added to this process's
// environment, and resolves once /sign-in returns 200. Its output goes to
// `logPath`, which the leak tests read.
export async function startConsoleServer(options: { env: Record<string, string>; logPath: string; port?: number }): Promise<ConsoleServer> {
  const port = options.port ?? (await findFreePort());
  const baseURL = `http://127.0.0.1:${port}`;

  mkdirSync(path.dirname(options.logPath), { recursive: true });
  const log = createWriteStream(options.logPath);

  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    env: { ...process.env, ...TEST_RATE_LIMITS, ...options.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const server: ConsoleServer = {
    baseURL,
    logPath: options.logPath,
    process: child,
    readLog: () => readFileSync(options.logPath, "utf8"),
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
      }
      const code = await exited;
      await new Promise((resolve) => log.end(resolve));
      return code;
    },
  };

  try {
    await waitForServer(`${baseURL}/sign-in`, child, options.logPath);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForServer(url: string, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;

  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the console server exited with code ${child.exitCode}; see ${logPath}`);
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

  throw new Error(`the console did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s; see ${logPath}`);
}
