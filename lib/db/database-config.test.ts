import { describe, expect, it } from "vitest";

import { readDatabaseConfig, readMigrateOnStart } from "./database-config";

describe("readDatabaseConfig", () => {
  it("selects PostgreSQL with the default pool size", () => {
    expect(readDatabaseConfig({ DATABASE_URL: "postgresql://db.internal/console" })).toEqual({
      kind: "postgres",
      url: "postgresql://db.internal/console",
      poolSize: 10,
    });
  });

  it("takes DATABASE_POOL_SIZE", () => {
    expect(readDatabaseConfig({ DATABASE_URL: "postgres://db/console", DATABASE_POOL_SIZE: "25" })).toMatchObject({ poolSize: 25 });
  });

  it.each(["0", "-1", "2.5", "ten", "1001"])("rejects DATABASE_POOL_SIZE %s with the range", (size) => {
    expect(() => readDatabaseConfig({ DATABASE_URL: "postgres://db/console", DATABASE_POOL_SIZE: size })).toThrow(
      `DATABASE_POOL_SIZE '${size}' is invalid: use a whole number of connections from 1 to 1000`,
    );
  });

  it("keeps the embedded database without DATABASE_URL", () => {
    expect(readDatabaseConfig({ CONSOLE_DATA_DIR: "/srv/console" })).toMatchObject({ kind: "pglite", databaseDir: "/srv/console/pglite" });
  });

  it("rejects a DATABASE_URL of another scheme", () => {
    expect(() => readDatabaseConfig({ DATABASE_URL: "mysql://db/console" })).toThrow(/must start with postgres:\/\//);
  });
});

describe("readMigrateOnStart", () => {
  it.each([
    [undefined, true],
    ["", true],
    ["true", true],
    ["1", true],
    ["false", false],
    ["FALSE", false],
    ["0", false],
  ])("reads %s as %s", (raw, expected) => {
    expect(readMigrateOnStart({ DATABASE_MIGRATE_ON_START: raw })).toBe(expected);
  });

  it("rejects other values with the choices", () => {
    expect(() => readMigrateOnStart({ DATABASE_MIGRATE_ON_START: "later" })).toThrow(/'later' is invalid: use true .* or false/);
  });
});
