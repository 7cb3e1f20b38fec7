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

// Starts the production build (`next start`) on 127.0.0.1 with `env` added
// to this process's environment, and resolves once /sign-in returns 200.
// Its output goes to `logPath`, which the leak tests read.
export async function startConsoleServer(options: { env: Record<string, string>; logPath: string; port?: number }): Promise<ConsoleServer> {
  const port = options.port ?? (await findFreePort());
  const baseURL = `http://127.0.0.1:${port}`;

  mkdirSync(path.dirname(options.logPath), { recursive: true });
  const log = createWriteStream(options.logPath);

  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...options.env, NODE_ENV: "production" },
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
      throw new Error(`next start exited with code ${child.exitCode}; see ${logPath}`);
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
