import { readFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeDatabaseSchema, describePrismaSchema } from "@/lib/testing/schema-shape";
import { openTempSqlSession, type TempSqlSession } from "@/lib/testing/temp-sql-session";

import { applyMigrations } from "./migrate";
import type { SqlSession } from "./sql-session";

let database: TempSqlSession;
let session: SqlSession;

beforeAll(async () => {
  database = await openTempSqlSession();
  session = database.session;
  await applyMigrations(session, { useAdvisoryLock: database.kind === "postgres" });
});

afterAll(async () => {
  await database.close();
});

describe("schema drift", () => {
  it("migrations build exactly the schema in schema.prisma", async () => {
    const expected = describePrismaSchema(readFileSync(path.resolve("prisma/schema.prisma"), "utf8"));
    const actual = await describeDatabaseSchema(session);

    // A failure lists the lines only one side has: add a migration for them.
    const missingFromMigrations = expected.filter((line) => !actual.includes(line));
    const missingFromSchema = actual.filter((line) => !expected.includes(line));
    expect(missingFromMigrations).toEqual([]);
    expect(missingFromSchema).toEqual([]);
  });

  it("comparison notices a column the migrations lack", async () => {
    const schema = readFileSync(path.resolve("prisma/schema.prisma"), "utf8").replace(
      "model App {",
      "model App {\n  region String @default(\"eu\")",
    );

    const expected = describePrismaSchema(schema);
    const actual = await describeDatabaseSchema(session);

    expect(expected.filter((line) => !actual.includes(line))).toEqual(["column App.region text not null default"]);
  });
});
