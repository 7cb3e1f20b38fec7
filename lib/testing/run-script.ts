import { spawn } from "node:child_process";
import path from "node:path";

export interface ScriptResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const TSX_CLI = path.resolve("node_modules/tsx/dist/cli.mjs");

// Runs a maintenance command from scripts/ as `npm run` does (tsx with the
// react-server condition), with `env` added to this process's environment.
// A variable set to undefined is removed. `args` follow the script name.
export function runScript(script: string, env: Record<string, string | undefined>, args: string[] = []): Promise<ScriptResult> {
  const childEnv: Record<string, string | undefined> = { ...process.env };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) {
      delete childEnv[name];
    } else {
      childEnv[name] = value;
    }
  }
  // Vitest sets NODE_ENV=test, which would quiet the command's own logs.
  delete childEnv["NODE_ENV"];

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, "--conditions=react-server", path.resolve("scripts", script), ...args], { env: childEnv as NodeJS.ProcessEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}
