import { describe, expect, it } from "vitest";

import { getDatabase } from "@/lib/db/get-db";

import { useTempDatabase } from "./temp-database";
import { readTestDatabaseUrl } from "./test-postgres";

useTempDatabase();

describe("useTempDatabase", () => {
  it("opens the database kind the run asks for", async () => {
    const expected = readTestDatabaseUrl() ? "postgres" : "pglite";

    const database = await getDatabase();

    expect(database.config.kind).toBe(expected);
  });

  it("gives each test file its own PostgreSQL database", async ({ skip }) => {
    skip(!readTestDatabaseUrl(), "runs only when TEST_DATABASE_URL points at a PostgreSQL server");

    const database = await getDatabase();
    const [row] = await database.sql.query<{ name: string }>("SELECT current_database() AS name");

    expect(row?.name).toMatch(/^bit6_test_[0-9a-f]{12}$/);
  });
});
