import { readFileSync } from "node:fs";
import path from "node:path";

// Everything the console server printed during the end-to-end run.
export const SERVER_LOG_PATH = path.resolve("test-results", "server.log");

export function readServerLog(): string {
  return readFileSync(SERVER_LOG_PATH, "utf8");
}
