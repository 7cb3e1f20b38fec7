import "server-only";

import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

import { ConsoleError } from "@/lib/errors/console-error";

// PGlite has no server to arbitrate access: two processes that open one data
// folder corrupt it. A pid lock file next to it turns that into a clear error.
export function acquirePgliteLock(lockPath: string): () => void {
  try {
    writeLockFile(lockPath);
  } catch (error) {
    if (!isAlreadyExists(error)) {
      throw error;
    }

    const holder = readLockHolder(lockPath);
    if (holder !== null && holder !== process.pid && isProcessAlive(holder)) {
      throw new ConsoleError(
        "invalid_config",
        `the embedded database is in use by process ${holder} (lock file ${lockPath}): stop that console first, ` +
          "or point CONSOLE_DATA_DIR at another folder",
      );
    }

    // The process that held the lock is gone, so the lock is stale.
    rmSync(lockPath, { force: true });
    writeLockFile(lockPath);
  }

  return () => {
    if (readLockHolder(lockPath) === process.pid) {
      rmSync(lockPath, { force: true });
    }
  };
}

function writeLockFile(lockPath: string): void {
  const fd = openSync(lockPath, "wx", 0o600);
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
}

function readLockHolder(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isAlreadyExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "EEXIST";
}
