// Runs `prisma generate` without downloading an engine.
//
// Prisma 7's CLI looks for a schema-engine binary before every command and
// tries to download one when it is missing. `generate` never runs that
// engine, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file keeps
// the CLI from reaching the network on machines that have none.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };

if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
}

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { env, stdio: "inherit" });

if (result.status !== 0) {
  console.error("prisma generate failed: see the output above. Run `npm run postinstall` again after fixing it.");
  process.exit(result.status ?? 1);
}
