// Builds the console for production (the Next.js build and the server
// bundle) and runs the Playwright suite against it.
// Set E2E_SKIP_BUILD=1 to reuse an existing .next build while iterating.
import { spawnSync } from "node:child_process";

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

if (process.env.E2E_SKIP_BUILD !== "1") {
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
  run(process.execPath, ["scripts/build-server.mjs"]);
}

run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)]);
