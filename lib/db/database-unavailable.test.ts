import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";

import { PrismaClient } from "@/lib/generated/prisma/client";

import { isDatabaseUnavailable } from "./database-unavailable";
import { openDatabase } from "./open-database";

// Nothing listens on port 1 of the loopback address, so connecting fails at
// once with ECONNREFUSED, as it does while PostgreSQL is stopped.
const REFUSING_URL = "postgresql://postgres@127.0.0.1:1/none";

function withCause(message: string, cause: unknown): Error {
  return new Error(message, { cause });
}

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a reset socket in the cause chain", withCause("query failed", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))],
    ["Prisma's unreachable server code", { code: "P1001", message: "Can't reach database server" }],
    ["Prisma's pool timeout", { code: "P2024", message: "Timed out fetching a new connection" }],
    ["a server shutting down behind the adapter", { code: "P2039", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01" } } } }],
    ["the adapter's unreachable kind", { code: "P1001", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } }],
    ["a server starting up", { code: "57P03", message: "the database system is starting up" }],
    ["a connection exception class", { code: "08006", message: "connection failure" }],
    ["too many connections", { code: "53300", message: "sorry, too many clients already" }],
    ["a connection ended under a query", new Error("Connection terminated unexpectedly")],
  ])("is true for %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", { code: "P2002", message: "Unique constraint failed" }],
    ["a missing table", { code: "42P01", message: 'relation "x" does not exist' }],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["a string", "ECONNREFUSED"],
    ["null", null],
  ])("is false for %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("stops on a cause cycle", () => {
    const error = new Error("outer") as Error & { cause?: unknown };
    error.cause = error;

    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("recognizes a refused connection from Prisma", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: REFUSING_URL }) });

    const error = await prisma.user.count().catch((caught: unknown) => caught);
    await prisma.$disconnect();

    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognizes a refused connection when opening", async () => {
    const error = await openDatabase({ kind: "postgres", url: REFUSING_URL, poolSize: 1 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
});
