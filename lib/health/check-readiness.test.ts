import { describe, expect, it } from "vitest";

import { getDatabase } from "@/lib/db/get-db";
import { readMigrationFiles } from "@/lib/db/migrate";
import { useTempDatabase } from "@/lib/testing/temp-database";

import { checkReadiness } from "./check-readiness";

useTempDatabase();

describe("checkReadiness", () => {
  it("is ready on a migrated database", async () => {
    expect(await checkReadiness()).toEqual({ ready: true });
  });

  it("names a pending migration and the command", async () => {
    const last = readMigrationFiles().at(-1)!;
    const database = await getDatabase();
    const rows = await database.sql.query<{ id: string }>(`SELECT id FROM "_prisma_migrations" WHERE migration_name = $1`, [last.name]);
    await database.sql.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [last.name]);

    const readiness = await checkReadiness();

    expect(rows).toHaveLength(1);
    expect(readiness).toEqual({ ready: false, reason: `1 database migrations are pending (${last.name}): run npm run db:migrate` });
  });
});
