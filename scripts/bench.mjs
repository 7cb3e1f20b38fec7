// `npm run bench`: measures the token API and the demo endpoint of a
// production build on a fresh database, and a bare node:http server that
// signs the same claims with the same library, in one run on 127.0.0.1 with
// autocannon. Prints the figures and their ratio, and writes them as JSON
// under bench/results/. Every guard stays on: the rate limits are raised so
// that the benchmark's own load is not rejected, but they still count every
// request. See bench/README.md for the recorded numbers.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";

import autocannon from "autocannon";

const ROOT = path.resolve(import.meta.dirname, "..");
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_SECONDS = 3;
const READY_TIMEOUT_MS = 120_000;
// High enough that 50 connections for the whole run stay under them.
const RAISED_LIMIT = "1000000000/60";

const MINT_BODY = JSON.stringify({ identity: "alice", device: "web1", grants: "chat,video", ttl: 600 });
const DEMO_BODY = JSON.stringify({ identity: "bob1", device: "web1" });

const children = [];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", ...options });
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(" ")} failed with exit code ${result.status}: ${result.stderr ?? ""}`);
  }
  return result.stdout ?? "";
}

function buildIfMissing() {
  if (existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(path.join(ROOT, ".server", "main.mjs"))) {
    return;
  }
  console.log("No production build found: running npm run build…");
  run("npm", ["run", "build"], { stdio: "inherit" });
}

function seed(dataDir) {
  const stdout = run(process.execPath, ["--conditions", "react-server", "--import", "tsx", "scripts/bench/seed-bench-data.ts"], {
    env: { ...process.env, CONSOLE_DATA_DIR: dataDir, DATABASE_URL: "", CONSOLE_ENCRYPTION_KEY: "", LOG_LEVEL: "error" },
  });
  const lastLine = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(lastLine);
}

async function freePort() {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function startChild(args, env, logFile) {
  const log = openSync(logFile, "w");
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", log, log] });
  children.push(child);
  return child;
}

async function waitForHttp(url, child, init) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${url}: the server exited with code ${child.exitCode} before it was ready`);
    }
    try {
      await fetch(url, init);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not respond within ${READY_TIMEOUT_MS / 1000} s`);
}

// CPU time (user and system, all threads) that a child process has used, in
// milliseconds, from /proc; null where /proc is missing. It is reported
// next to requests per second because it depends less on how busy the
// machine is, though runs on this machine still varied by up to a third.
function readCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields 14 and 15 (utime, stime), counted after the ")" that ends the
    // command name, in clock ticks: 100 per second on common Linux systems.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function measure(title, options, server) {
  const cpuBefore = readCpuMs(server.pid);
  const result = await new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, pipelining: 1, ...options }, (error, outcome) => (error ? reject(error) : resolve(outcome)));
  });
  const cpuAfter = readCpuMs(server.pid);

  const cpuMicrosPerRequest =
    cpuBefore === null || cpuAfter === null || result.requests.total === 0 ? null : Math.round(((cpuAfter - cpuBefore) * 1000) / result.requests.total);
  const summary = {
    name: title,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    requests: result.requests.total,
    cpuMicrosPerRequest,
    statusCounts: { "2xx": result["2xx"], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts },
  };
  const cpu = cpuMicrosPerRequest === null ? "" : `  CPU ${cpuMicrosPerRequest} µs/request`;
  console.log(
    `${title.padEnd(28)} ${String(summary.requestsPerSecond).padStart(7)} req/s  p50 ${summary.latencyMs.p50} ms  p99 ${summary.latencyMs.p99} ms${cpu}  non-2xx ${summary.statusCounts.non2xx}  errors ${summary.statusCounts.errors}`,
  );
  return summary;
}

async function measureTarget(title, options, server) {
  // The warm-up lets V8 optimize the hot path and fills the key cache.
  await measure(`${title} (warm-up)`, { ...options, duration: WARMUP_SECONDS }, server);
  return measure(title, { ...options, duration: DURATION_SECONDS }, server);
}

async function main() {
  buildIfMissing();

  // Other work on the machine takes CPU from the servers and from
  // autocannon alike, which lowers every figure, though less their ratio.
  const [loadBefore] = loadavg();
  if (loadBefore > 0.5) {
    console.warn(`Load average is ${loadBefore.toFixed(2)}: other processes are running, so the figures will be lower than on an idle machine.`);
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), "bit6-console-bench-"));
  const logDir = path.join(ROOT, "bench", "results");
  mkdirSync(logDir, { recursive: true });

  try {
    console.log("Seeding a fresh database…");
    const seeded = seed(dataDir);
    const authorization = `Basic ${Buffer.from(`${seeded.keyId}:${seeded.secret}`).toString("base64")}`;

    const consolePort = await freePort();
    const consoleServer = startChild(
      [".server/main.mjs"],
      {
        PORT: String(consolePort),
        HOST: "127.0.0.1",
        CONSOLE_DATA_DIR: dataDir,
        DATABASE_URL: "",
        CONSOLE_ENCRYPTION_KEY: "",
        RATE_LIMIT_API_PER_KEY: RAISED_LIMIT,
        RATE_LIMIT_API_PER_IP: RAISED_LIMIT,
        RATE_LIMIT_DEMO_PER_KEY: RAISED_LIMIT,
        RATE_LIMIT_DEMO_PER_IP: RAISED_LIMIT,
      },
      path.join(logDir, "console-server.log.tmp"),
    );
    const bareServer = startChild(
      ["--import", "tsx", "scripts/bench/bare-server.ts"],
      { BENCH_KEY_ID: seeded.keyId, BENCH_KEY_SECRET: seeded.secret },
      path.join(logDir, "bare-server.log.tmp"),
    );

    const consoleUrl = `http://127.0.0.1:${consolePort}`;
    console.log("Starting the console and the bare server…");
    await waitForHttp(`${consoleUrl}/sign-in`, consoleServer);
    const barePort = await waitForBarePort(path.join(logDir, "bare-server.log.tmp"), bareServer);
    const bareUrl = `http://127.0.0.1:${barePort}`;

    const jsonPost = { method: "POST", headers: { "content-type": "application/json" } };
    const bare = await measureTarget("bare node:http + jose", { url: `${bareUrl}/`, ...jsonPost, body: MINT_BODY }, bareServer);
    const api = await measureTarget("POST /api/v2/tokens", {
      url: `${consoleUrl}/api/v2/tokens`,
      ...jsonPost,
      headers: { ...jsonPost.headers, authorization },
      body: MINT_BODY,
    }, consoleServer);
    const demo = await measureTarget(
      "POST /api/demo/:appId/token",
      { url: `${consoleUrl}/api/demo/${seeded.appId}/token`, ...jsonPost, body: DEMO_BODY },
      consoleServer,
    );

    const ratio = api.requestsPerSecond / bare.requestsPerSecond;
    console.log(`\nToken API / bare server: ${(ratio * 100).toFixed(1)}% of the requests per second (target at least 40%), p99 ${api.latencyMs.p99} ms (target under 20 ms)`);
    const cpuRatio = api.cpuMicrosPerRequest && bare.cpuMicrosPerRequest ? bare.cpuMicrosPerRequest / api.cpuMicrosPerRequest : null;
    if (cpuRatio !== null) {
      console.log(`CPU time per request: bare server ${bare.cpuMicrosPerRequest} µs, token API ${api.cpuMicrosPerRequest} µs (ratio ${(cpuRatio * 100).toFixed(1)}%)`);
    }

    const report = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "unknown",
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        loadAverageBefore: Number(loadBefore.toFixed(2)),
        loadAverageAfter: Number(loadavg()[0].toFixed(2)),
      },
      settings: { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, warmupSeconds: WARMUP_SECONDS, pipelining: 1 },
      results: { bare, api, demo },
      apiToBareRatio: Number(ratio.toFixed(3)),
      apiToBareCpuRatio: cpuRatio === null ? null : Number(cpuRatio.toFixed(3)),
    };
    const file = path.join(logDir, `bench-${report.date.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Wrote ${path.relative(ROOT, file)}`);
  } finally {
    await stopChildren();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitForBarePort(logFile, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const match = /listening (\d+)/.exec(existsSync(logFile) ? readFileSync(logFile, "utf8") : "");
    if (match) {
      return Number(match[1]);
    }
    if (child.exitCode !== null) {
      throw new Error(`the bare server exited with code ${child.exitCode}; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the bare server did not start within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`);
}

async function stopChildren() {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) {
            resolve();
            return;
          }
          child.once("exit", resolve);
          child.kill("SIGTERM");
        }),
    ),
  );
}

main().catch(async (error) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopChildren();
  process.exit(1);
});
