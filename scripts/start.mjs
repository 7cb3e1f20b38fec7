// `npm start`: builds the console when the sources changed since the last
// build, then runs the production server (.server/main.mjs), which serves
// the token API itself and everything else through Next.js.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCE_ROOTS = ["app", "components", "lib", "server", "scripts/build-server.mjs", "public", "prisma/schema.prisma", "instrumentation.ts", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const STAMP_FILE = path.join(".next", "bit6-source-hash");
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
const SERVER_BUNDLE = path.join(".server", "main.mjs");

function listFiles(entry) {
  if (!existsSync(entry)) {
    return [];
  }
  if (!statSync(entry).isDirectory()) {
    return [entry];
  }
  return readdirSync(entry, { withFileTypes: true })
    .filter((child) => child.name !== "generated" && !child.name.endsWith(".test.ts"))
    .flatMap((child) => listFiles(path.join(entry, child.name)));
}

function hashSources() {
  const hash = createHash("sha256");
  for (const file of SOURCE_ROOTS.flatMap(listFiles).sort()) {
    hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function buildIfStale() {
  const sourceHash = hashSources();
  const builtHash = existsSync(STAMP_FILE) ? readFileSync(STAMP_FILE, "utf8") : "";

  if (existsSync(path.join(".next", "BUILD_ID")) && existsSync(SERVER_BUNDLE) && builtHash === sourceHash) {
    return;
  }

  console.log("Building the console (sources changed since the last build)…");
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" });
  if (build.status !== 0) {
    console.error("next build failed: see the errors above.");
    process.exit(build.status ?? 1);
  }
  const bundle = spawnSync(process.execPath, [path.join("scripts", "build-server.mjs")], { stdio: "inherit" });
  if (bundle.status !== 0) {
    console.error("bundling the server (scripts/build-server.mjs) failed: see the errors above.");
    process.exit(bundle.status ?? 1);
  }
  writeFileSync(STAMP_FILE, sourceHash);
}

buildIfStale();

// The server reads PORT (default 3000) and HOST itself.
const server = spawn(process.execPath, [SERVER_BUNDLE], { stdio: "inherit" });

// Pass stop signals on, so the server can finish in-flight requests.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
