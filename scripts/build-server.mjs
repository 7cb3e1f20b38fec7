// Bundles the HTTP front (server/main.ts) and the lib/ code it uses into
// .server/main.mjs, run by `npm start` after `next build`. Packages under
// node_modules stay external: PGlite and Prisma load their own WASM files
// at run time, and `next` must be the same copy the build used.
import path from "node:path";

import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

await build({
  // The other entries run in worker threads: Next.js (server/next-thread.ts)
  // and the embedded database (lib/db/pglite-thread/remote-pglite.ts).
  entryPoints: [
    { in: path.join(root, "server", "main.ts"), out: "main" },
    { in: path.join(root, "server", "next-thread.ts"), out: "next-thread" },
    { in: path.join(root, "lib", "db", "pglite-thread", "pglite-thread-worker.ts"), out: "pglite-thread" },
  ],
  outdir: path.join(root, ".server"),
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // `@/` comes from tsconfig.json's paths, which esbuild reads itself.
  tsconfig: path.join(root, "tsconfig.json"),
  // `server-only` throws outside React Server Components, and this bundle
  // is plain Node.
  alias: { "server-only": path.join(root, "node_modules", "server-only", "empty.js") },
  sourcemap: true,
  logLevel: "warning",
  // ESM output has no require; the CommonJS packages it imports may need it.
  banner: { js: "import { createRequire as __bit6CreateRequire } from 'node:module'; const require = __bit6CreateRequire(import.meta.url);" },
});
