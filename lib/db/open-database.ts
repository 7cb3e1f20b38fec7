import "server-only";

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { MessagePort } from "node:worker_threads";

import type { PGlite } from "@electric-sql/pglite";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";

import { readDatabaseConfig, readMigrateOnStart, type DatabaseConfig } from "./database-config";
import { registerDatabaseProbe, reportDatabaseError } from "./database-health";
import { applyMigrations, type MigrationResult } from "./migrate";
import { acquirePgliteLock } from "./pglite-lock";
import { readPgliteThreadSetting } from "./pglite-thread/pglite-thread-setting";
import type { SqlSession } from "./sql-session";

export interface Database {
  prisma: PrismaClient;
  config: DatabaseConfig;
  // Raw SQL for maintenance work that Prisma does not model (migrations).
  sql: SqlSession;
  // Set when this thread started the embedded database's thread: returns a
  // port through which another thread shares the database.
  openClientPort?: () => MessagePort;
  close(): Promise<void>;
}

// A connection attempt that takes longer fails, so a request during an
// outage gets its 503 instead of hanging (node-postgres waits forever by
// default).
const CONNECT_TIMEOUT_MS = 5_000;

// Opens the configured database, applies pending migrations and returns a
// Prisma client bound to it through a driver adapter. On PostgreSQL,
// DATABASE_MIGRATE_ON_START=false skips the migrations. The embedded
// database always applies them, because no other process can open it while
// the console runs.
export async function openDatabase(config: DatabaseConfig = readDatabaseConfig()): Promise<Database> {
  return config.kind === "pglite" ? openPglite(config) : openPostgres(config, readMigrateOnStart());
}

function logMigrationResult(result: MigrationResult, config: DatabaseConfig): void {
  if (result.applied.length > 0) {
    logger.info({ applied: result.applied, database: config.kind }, "applied database migrations");
  }
}

async function openPglite(config: Extract<DatabaseConfig, { kind: "pglite" }>): Promise<Database> {
  const setting = readPgliteThreadSetting();
  if (setting?.kind === "client") {
    return openPgliteClient(config, setting.port);
  }

  // PGlite creates its own folder but not the folders above it.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const releaseLock = acquirePgliteLock(path.join(config.dataDir, "pglite.lock"));

  try {
    const thread = setting ? await startPgliteThread(setting.workerFile, config.databaseDir) : null;
    const database = await bindPglite(thread ?? (await startPgliteHere(config.databaseDir)), config, releaseLock);
    if (thread) {
      database.openClientPort = () => thread.openClientPort();
    }

    logMigrationResult(await applyMigrations(database.sql, { useAdvisoryLock: false }), config);
    return database;
  } catch (error) {
    releaseLock();
    throw error;
  }
}

// The parts of a PGlite instance the console uses, whichever thread runs it.
type PgliteClient = Pick<PGlite, "query" | "exec" | "close"> & {
  asPGlite(): PGlite;
  copyFromCsv(copySql: string, csv: string): Promise<void>;
};

async function startPgliteHere(databaseDir: string): Promise<PgliteClient> {
  const { PGlite } = await import("@electric-sql/pglite");
  const client = await PGlite.create(databaseDir);

  return {
    query: (text, params, options) => client.query(text, params, options),
    exec: (script, options) => client.exec(script, options),
    close: () => client.close(),
    asPGlite: () => client,
    copyFromCsv: async (copySql, csv) => {
      await client.query(copySql, [], { blob: new Blob([csv]) });
    },
  };
}

async function startPgliteThread(workerFile: string, databaseDir: string) {
  const { RemotePGlite } = await import("./pglite-thread/remote-pglite");
  return RemotePGlite.start({ workerFile, databaseDir, onStop: exitOnLostDatabase });
}

// A thread that shares the database another thread started: the owner
// applied the migrations and holds the lock, and closes the database.
async function openPgliteClient(config: Extract<DatabaseConfig, { kind: "pglite" }>, port: MessagePort): Promise<Database> {
  const { RemotePGlite } = await import("./pglite-thread/remote-pglite");
  return bindPglite(RemotePGlite.connect(port, exitOnLostDatabase), config, () => undefined);
}

async function bindPglite(client: PgliteClient, config: Extract<DatabaseConfig, { kind: "pglite" }>, releaseLock: () => void): Promise<Database> {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client.asPGlite()) });

  const sql: SqlSession = {
    query: async (text, params) => (await client.query(text, params)).rows as never,
    exec: async (script) => {
      await client.exec(script);
    },
    copyFromCsv: (copySql, csv) => client.copyFromCsv(copySql, csv),
  };

  const close = async () => {
    await prisma.$disconnect();
    await client.close();
    releaseLock();
  };

  registerDatabaseProbe(async () => {
    await client.query("SELECT 1");
  });

  return { prisma, config, sql, close };
}

// Without its thread the embedded database is gone until the process starts
// again, so the console stops and lets its supervisor restart it.
function exitOnLostDatabase(error: Error): void {
  logger.fatal({ err: error }, `${error.message}: the console stops, start it again`);
  process.exit(1);
}

async function openPostgres(config: Extract<DatabaseConfig, { kind: "postgres" }>, migrate: boolean): Promise<Database> {
  const [{ PrismaPg }, { default: pg }] = await Promise.all([import("@prisma/adapter-pg"), import("pg")]);

  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // The pool drops a failed idle connection and opens a new one on the next
  // query, so the console recovers by itself once the server is back. An
  // outage is logged once by reportDatabaseError, not once per connection.
  pool.on("error", (error) => {
    if (!reportDatabaseError(error)) {
      logger.error({ err: error }, "idle PostgreSQL connection failed");
    }
  });

  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });

  const sql: SqlSession = {
    query: async (text, params) => {
      const result = await pool.query(text, params);
      return result.rows;
    },
    exec: async (script) => {
      await pool.query(script);
    },
  };

  const close = async () => {
    await prisma.$disconnect();
    await pool.end();
  };

  registerDatabaseProbe(async () => {
    await pool.query("SELECT 1");
  });

  if (!migrate) {
    return { prisma, config, sql, close };
  }

  // An advisory lock belongs to one connection, so the whole migration run
  // holds a single client from the pool.
  const migrationClient = await pool.connect();
  try {
    const session: SqlSession = {
      query: async (text, params) => (await migrationClient.query(text, params)).rows,
      exec: async (script) => {
        await migrationClient.query(script);
      },
    };
    logMigrationResult(await applyMigrations(session, { useAdvisoryLock: true }), config);
  } catch (error) {
    migrationClient.release();
    await close();
    throw error;
  }
  migrationClient.release();

  return { prisma, config, sql, close };
}
