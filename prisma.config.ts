import { defineConfig } from "prisma/config";

// The CLI reads the connection from here; the console itself connects through
// a driver adapter (lib/db/open-database.ts). Only `prisma generate` runs on
// machines without the schema-engine binary, and it needs no URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/bit6_console" },
});
