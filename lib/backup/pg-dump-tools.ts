import "server-only";

import { spawn, spawnSync } from "node:child_process";

import { ConsoleError } from "@/lib/errors/console-error";

// pg_dump's custom archive format starts with these bytes.
export const PG_DUMP_MAGIC = "PGDMP";

// True when the named PostgreSQL client program is on the PATH.
export function hasPostgresTool(tool: "pg_dump" | "pg_restore"): boolean {
  return spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0;
}

// Runs pg_dump or pg_restore against a database URL. The password moves from
// the URL into PGPASSWORD, so it does not show in the process list, and the
// tool's stderr is returned in the error when it fails.
export async function runPostgresTool(tool: "pg_dump" | "pg_restore", options: { url: string; args: string[] }): Promise<void> {
  const url = new URL(options.url);
  const password = decodeURIComponent(url.password);
  url.password = "";

  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password !== "") {
    env.PGPASSWORD = password;
  }

  const child = spawn(tool, [...options.args, `--dbname=${url.toString()}`], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));

  const status = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });

  if (status !== 0) {
    throw new ConsoleError("internal", `${tool} failed (exit ${status}): ${stderr.trim() || "no output"}`);
  }
}
