import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { findFreePort } from "./find-free-port";

// A throwaway PostgreSQL server for tests and CI: a fresh cluster in a
// temporary folder, listening on 127.0.0.1 only, with trust authentication
// for the `postgres` role. It exists so the suite can run against the real
// server and stop and start it to test outages.
export interface PostgresCluster {
  dataDir: string;
  port: number;
  // URL of the `postgres` maintenance database, for CREATE/DROP DATABASE.
  adminUrl: string;
  start(): void;
  stop(): void;
  // Stops the server and deletes its folder.
  destroy(): void;
}

const SERVER_SETTINGS = [
  "listen_addresses=127.0.0.1",
  // Durability does not matter for a throwaway cluster, and fsync is the
  // slowest part of CREATE DATABASE on a busy machine.
  "fsync=off",
  "synchronous_commit=off",
  "full_page_writes=off",
  "max_connections=300",
];

// Finds the PostgreSQL server binaries: PG_BIN_DIR, then Debian's
// /usr/lib/postgresql/<version>/bin (newest first), then the PATH. Returns
// null when initdb is nowhere to be found.
export function findPostgresBinDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates: string[] = [];
  if (env.PG_BIN_DIR) {
    candidates.push(env.PG_BIN_DIR);
  }

  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debianRoot, version, "bin")));
  }

  candidates.push(...(env.PATH ?? "").split(path.delimiter).filter(Boolean));

  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

// Creates and starts a cluster. initdb and the server refuse to run as root,
// so under root they run as the `postgres` system user.
export async function startPostgresCluster(options: { binDir?: string; port?: number } = {}): Promise<PostgresCluster> {
  const binDir = options.binDir ?? findPostgresBinDir();
  if (!binDir) {
    throw new Error("initdb was not found: install PostgreSQL's server package (apt-get install postgresql) or set PG_BIN_DIR");
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), "bit6-pg-"));
  const asPostgres = process.getuid?.() === 0;
  if (asPostgres) {
    const owner = readPostgresUser();
    chownSync(dataDir, owner.uid, owner.gid);
  }

  const run = (command: string, args: string[]): void => {
    const [file, fileArgs] = asPostgres ? ["runuser", ["-u", "postgres", "--", path.join(binDir, command), ...args]] : [path.join(binDir, command), args];
    const result = spawnSync(file, fileArgs, { encoding: "utf8" });
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
    }
  };

  run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);

  const port = options.port ?? (await findFreePort());
  const serverOptions = [...SERVER_SETTINGS, `port=${port}`, `unix_socket_directories=${dataDir}`].map((setting) => `-c ${setting}`).join(" ");
  const logFile = path.join(dataDir, "server.log");

  const cluster: PostgresCluster = {
    dataDir,
    port,
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start: () => run("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", serverOptions, "-w", "-t", "60", "start"]),
    // Fast mode ends open sessions, as an outage or a failover would.
    stop: () => run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"]),
    destroy: () => {
      if (existsSync(path.join(dataDir, "postmaster.pid"))) {
        cluster.stop();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  try {
    cluster.start();
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return cluster;
}

function readPostgresUser(): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (!uid || !gid) {
    throw new Error("the postgres system user is missing: PostgreSQL's server package creates it (apt-get install postgresql)");
  }
  return { uid: Number(uid), gid: Number(gid) };
}
