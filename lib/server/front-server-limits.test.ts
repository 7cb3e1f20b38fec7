import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/lib/db/get-db";
import { configureDemoEndpoint } from "@/lib/demo/configure-demo-endpoint";
import { getRateLimiter } from "@/lib/rate-limit/get-rate-limiter";
import { basicAuth, seedAppWithKey, type SeededApp } from "@/lib/testing/seed-app-with-key";
import { startFrontServer, type RunningFrontServer } from "@/lib/testing/start-front-server";
import { useTempDatabase } from "@/lib/testing/temp-database";

// Small limits, read when the limiter is first used. The front trusts one
// proxy, so each test picks its client address with X-Forwarded-For.
// The limits count in fixed windows aligned to the clock. Day-long windows
// keep a test's requests from straddling a window's end.
process.env.RATE_LIMIT_API_PER_KEY = "3/86400";
process.env.RATE_LIMIT_API_PER_IP = "5/86400";
process.env.RATE_LIMIT_DEMO_PER_IP = "2/86400";
process.env.RATE_LIMIT_DEMO_PER_KEY = "4/86400";

useTempDatabase();

let server: RunningFrontServer;

beforeAll(async () => {
  await getDatabase();
  server = await startFrontServer({ trustedProxies: 1 });
});

afterAll(async () => {
  await server.close();
});

function mint(seeded: SeededApp, clientIp: string, auth = basicAuth(seeded.keyId, seeded.secret)): Promise<Response> {
  return fetch(`${server.baseUrl}/api/v2/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: auth, "x-forwarded-for": clientIp },
    body: JSON.stringify({ identity: "alice", device: "web1" }),
  });
}

function demoPost(appId: string, clientIp: string): Promise<Response> {
  return fetch(`${server.baseUrl}/api/demo/${appId}/token`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": clientIp },
    body: JSON.stringify({ identity: "bob1", device: "web1" }),
  });
}

async function expectRateLimited(response: Response, message: RegExp): Promise<void> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(86400);
  const problem = (await response.json()) as { code: string; detail: string };
  expect(problem.code).toBe("rate_limited");
  expect(problem.detail).toMatch(message);
}

describe("token API rate limits", () => {
  it("limits each key across client addresses", async () => {
    const seeded = await seedAppWithKey("Key limit app");

    const statuses = [];
    for (const clientIp of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
      statuses.push((await mint(seeded, clientIp)).status);
    }

    expect(statuses).toEqual([201, 201, 201]);
    await expectRateLimited(await mint(seeded, "198.51.100.4"), /from this key: at most 3 per 86400 seconds; retry after \d+ seconds/);
  });

  it("limits each client address before checking the secret", async () => {
    const seeded = await seedAppWithKey("Address limit app");
    const wrongSecret = basicAuth(seeded.keyId, "wrong secret");

    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      statuses.push((await mint(seeded, "198.51.100.20", wrongSecret)).status);
    }

    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    await expectRateLimited(await mint(seeded, "198.51.100.20"), /from this client address: at most 5 per 86400 seconds/);
  });

  it("counts addresses separately", async () => {
    const seeded = await seedAppWithKey("Separate address app");
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await mint(seeded, "198.51.100.30", basicAuth(seeded.keyId, "wrong secret"));
    }

    expect((await mint(seeded, "198.51.100.31")).status).toBe(201);
  });

  it("writes the counts to the shared table", async () => {
    await getRateLimiter().limiter.sync();

    const rows = await (await getDatabase()).sql.query<{ bucket: string; hits: number }>(
      `SELECT "bucket", "hits" FROM "RateLimitWindow" WHERE "bucket" = 'api-ip:198.51.100.20'`,
    );
    expect(rows.map((row) => Number(row.hits))).toEqual([5]);
  });
});

describe("demo endpoint rate limits", () => {
  let demo: SeededApp;

  beforeAll(async () => {
    demo = await seedAppWithKey("Demo limit app");
    await configureDemoEndpoint({ actor: demo.actor, appId: demo.appId, input: { enabled: true, keyId: demo.keyId, grants: ["chat"], ttlSeconds: 600 } });
  });

  it("limits each client address", async () => {
    expect((await demoPost(demo.appId, "192.0.2.1")).status).toBe(200);
    expect((await demoPost(demo.appId, "192.0.2.1")).status).toBe(200);

    const refused = await demoPost(demo.appId, "192.0.2.1");

    await expectRateLimited(refused, /from this client address: at most 2 per 86400 seconds/);
  });

  it("sends CORS headers with a 429", async () => {
    const refused = await demoPost(demo.appId, "192.0.2.1");

    expect(refused.status).toBe(429);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("limits the endpoint's key", async () => {
    // Two requests above came from 192.0.2.1; two more reach the key's 4.
    expect((await demoPost(demo.appId, "192.0.2.2")).status).toBe(200);
    expect((await demoPost(demo.appId, "192.0.2.3")).status).toBe(200);

    await expectRateLimited(await demoPost(demo.appId, "192.0.2.4"), /from this demo endpoint: at most 4 per 86400 seconds/);
  });
});
