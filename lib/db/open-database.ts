import "server-only";

import { mkdirSync } from "node:fs";
import path from "node:path";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";

import { readDatabaseConfig, readMigrateOnStart, type DatabaseConfig } from "./database-config";
import { registerDatabaseProbe, reportDatabaseError } from "./database-health";
import { applyMigrations, type MigrationResult } from "./migrate";
import { acquirePgliteLock } from "./pglite-lock";
import type { SqlSession } from "./sql-session";

export interface Database {
  prisma: PrismaClient;
  config: DatabaseConfig;
  // Raw SQL for maintenance work that Prisma does not model (migrations).
  sql: SqlSession;
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
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);

  // PGlite creates its own folder but not the folders above it.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const releaseLock = acquirePgliteLock(path.join(config.dataDir, "pglite.lock"));

  try {
    const client = await PGlite.create(config.databaseDir);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });

    const sql: SqlSession = {
      query: async (text, params) => (await client.query(text, params)).rows as never,
      exec: async (script) => {
        await client.exec(script);
      },
      copyFromCsv: async (copySql, csv) => {
        await client.query(copySql, [], { blob: new Blob([csv]) });
      },
    };

    const close = async () => {
      await prisma.$disconnect();
      await client.close();
      releaseLock();
    };

    logMigrationResult(await applyMigrations(sql, { useAdvisoryLock: false }), config);
    registerDatabaseProbe(async () => {
      await client.query("SELECT 1");
    });

    return { prisma, config, sql, close };
  } catch (error) {
    releaseLock();
    throw error;
  }
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
