import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { flushAuditQueue } from "@/lib/audit/record-audit-event";
import { getDatabase, getDb } from "@/lib/db/get-db";
import { configureDemoEndpoint } from "@/lib/demo/configure-demo-endpoint";
import { MAX_BODY_BYTES } from "@/lib/http/read-request-text";
import { createApiKey } from "@/lib/keys/create-api-key";
import { listKeysWithUsage } from "@/lib/keys/list-keys-with-usage";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { rotateApiKey } from "@/lib/keys/rotate-api-key";
import { updateKeyRestrictions } from "@/lib/keys/update-key-restrictions";
import { flushKeyUsage } from "@/lib/keys/usage-recorder";
import { basicAuth, seedAppWithKey, type SeededApp } from "@/lib/testing/seed-app-with-key";
import { startFrontServer, type RunningFrontServer } from "@/lib/testing/start-front-server";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { forgeTestToken } from "@/lib/tokens/forge-test-token";
import { verifyToken } from "@/lib/tokens/verify-token";

useTempDatabase();

let server: RunningFrontServer;
let app: SeededApp;
let otherApp: SeededApp;

beforeAll(async () => {
  await getDatabase();
  server = await startFrontServer();
  app = await seedAppWithKey("Main app");
  otherApp = await seedAppWithKey("Other app");
});

afterAll(async () => {
  await server.close();
});

const JSON_HEADERS = { "content-type": "application/json" };
const FORM_HEADERS = { "content-type": "application/x-www-form-urlencoded" };

function post(path: string, options: { body?: string; headers?: Record<string, string>; auth?: string | null } = {}): Promise<Response> {
  const auth = options.auth === undefined ? basicAuth(app.keyId, app.secret) : options.auth;
  const headers: Record<string, string> = { ...JSON_HEADERS, ...options.headers };
  if (auth !== null) {
    headers.authorization = auth;
  }
  return fetch(`${server.baseUrl}${path}`, { method: "POST", headers, body: options.body });
}

function mint(body: unknown, auth?: string | null): Promise<Response> {
  return post("/api/v2/tokens", { body: JSON.stringify(body), auth });
}

function verify(token: string, auth?: string | null): Promise<Response> {
  return post("/api/v2/tokens/verify", { body: JSON.stringify({ token }), auth });
}

interface MintReply {
  token: string;
  expiresAt: string;
  claims: { iss: string; iat: number; exp: number; sub: string; grants: Record<string, boolean>; aud: string };
}

async function expectProblem(response: Response, status: number, code: string): Promise<{ detail: string; field?: string; type: string }> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await response.json()) as { detail: string; field?: string; type: string; code: string };
  expect(problem.code).toBe(code);
  return problem;
}

describe("POST /api/v2/tokens", () => {
  it("mints a token from JSON", async () => {
    const response = await mint({ identity: "alice", device: "web1", grants: "chat,video", ttl: 600 });

    expect(response.status).toBe(201);
    const reply = (await response.json()) as MintReply;
    expect(reply.claims.iss).toBe(app.keyId);
    expect(reply.claims.sub).toBe("alice/web1");
    expect(reply.claims.grants).toEqual({ chat: true, video: true });
    expect(reply.claims.exp - reply.claims.iat).toBe(600);
    expect(reply.expiresAt).toBe(new Date(reply.claims.exp * 1000).toISOString());

    const verified = await verifyToken(reply.token, {
      findKey: async () => ({ id: app.keyId, secret: app.secret, status: "active", appId: app.appId, appName: "Main app" }),
    });
    expect(verified.verdict).toBe("valid");
  });

  it("mints a token from a form", async () => {
    const response = await post("/api/v2/tokens", { body: "identity=bob&device=phone&grants=chat%2Cpush&ttl=900", headers: FORM_HEADERS });

    expect(response.status).toBe(201);
    const reply = (await response.json()) as MintReply;
    expect(reply.claims.grants).toEqual({ chat: true, push: true });
    expect(reply.claims.exp - reply.claims.iat).toBe(900);
  });

  it("takes grants as an object", async () => {
    const response = await mint({ identity: "alice", device: "web1", grants: { video: true, chat: false } });

    const reply = (await response.json()) as MintReply;
    expect(reply.claims.grants).toEqual({ video: true, chat: false });
  });

  it("defaults ttl to one hour", async () => {
    const response = await mint({ identity: "alice", device: "web1" });

    const reply = (await response.json()) as MintReply;
    expect(reply.claims.exp - reply.claims.iat).toBe(3600);
  });

  it.each([
    ["identity with a slash", { identity: "a/b", device: "web1" }, "identity"],
    ["missing device", { identity: "alice" }, "device"],
    ["ttl as a JSON string", { identity: "alice", device: "web1", ttl: "600" }, "ttl"],
    ["ttl under 60 seconds", { identity: "alice", device: "web1", ttl: 59 }, "ttl"],
    ["unknown grant", { identity: "alice", device: "web1", grants: "chat,fax" }, "grants"],
  ])("rejects %s with 400 naming the field", async (_name, body, field) => {
    const problem = await expectProblem(await mint(body), 400, "invalid_input");

    expect(problem.field).toBe(field);
  });

  it("rejects a form ttl that is not whole seconds", async () => {
    const response = await post("/api/v2/tokens", { body: "identity=bob&device=phone&ttl=600.5", headers: FORM_HEADERS });

    const problem = await expectProblem(response, 400, "invalid_input");
    expect(problem.field).toBe("ttl");
  });

  it("rejects broken JSON with 400", async () => {
    const problem = await expectProblem(await post("/api/v2/tokens", { body: '{"identity":' }), 400, "invalid_json");

    expect(problem.detail).toMatch(/does not parse/);
  });

  it("rejects text/plain with 415", async () => {
    const response = await post("/api/v2/tokens", { body: "identity=bob", headers: { "content-type": "text/plain" } });

    const problem = await expectProblem(response, 415, "unsupported_media_type");
    expect(problem.type).toBe("urn:bit6-console:problem:unsupported-media-type");
  });

  it("rejects a body over 64 KiB with 413", async () => {
    const body = JSON.stringify({ identity: "alice", device: "web1", padding: "x".repeat(MAX_BODY_BYTES) });

    await expectProblem(await post("/api/v2/tokens", { body }), 413, "payload_too_large");
  });

  it("rejects GET with 405 and Allow", async () => {
    const response = await fetch(`${server.baseUrl}/api/v2/tokens`);

    await expectProblem(response, 405, "method_not_allowed");
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("carries a request ID in every reply", async () => {
    const response = await post("/api/v2/tokens", { body: "{}", headers: { "x-request-id": "proxy-id-1" } });

    expect(response.headers.get("x-request-id")).toBe("proxy-id-1");
  });
});

describe("token API authentication", () => {
  const body = { identity: "alice", device: "web1" };

  it.each([
    ["no Authorization header", null, /missing Authorization header/],
    ["a Bearer token", "Bearer abc", /not HTTP Basic auth/],
    ["Basic without a colon", `Basic ${Buffer.from("nocolon").toString("base64")}`, /does not hold KEY_ID:SECRET/],
    ["Basic with an empty secret", `Basic ${Buffer.from("abc:").toString("base64")}`, /does not hold KEY_ID:SECRET/],
  ])("rejects %s with 401 and a challenge", async (_name, auth, message) => {
    const response = await mint(body, auth);

    const problem = await expectProblem(response, 401, "unauthenticated");
    expect(problem.detail).toMatch(message);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm="bit6-console"/);
  });

  it("gives unknown key and wrong secret one message", async () => {
    const unknownKey = await mint(body, basicAuth("0".repeat(32), app.secret));
    const wrongSecret = await mint(body, basicAuth(app.keyId, `${app.secret}x`));

    const unknownProblem = await expectProblem(unknownKey, 401, "unauthenticated");
    const wrongProblem = await expectProblem(wrongSecret, 401, "unauthenticated");
    expect(unknownProblem.detail).toBe(wrongProblem.detail);
    expect(wrongProblem.detail).not.toContain(app.secret);
    expect(unknownKey.headers.get("www-authenticate")).not.toBeNull();
    expect(wrongSecret.headers.get("www-authenticate")).not.toBeNull();
  });

  it("rejects a revoked key at once", async () => {
    const seeded = await seedAppWithKey("Revoked app");
    const auth = basicAuth(seeded.keyId, seeded.secret);
    expect((await mint(body, auth)).status).toBe(201);

    await revokeApiKey({ actor: seeded.actor, appId: seeded.appId, keyId: seeded.keyId });

    const problem = await expectProblem(await mint(body, auth), 401, "unauthenticated");
    expect(problem.detail).toMatch(/is revoked/);
  });

  it("keeps both keys working during a rotation overlap", async () => {
    const seeded = await seedAppWithKey("Overlap app");
    const rotated = await rotateApiKey({ actor: seeded.actor, appId: seeded.appId, keyId: seeded.keyId, input: { overlapSeconds: 3600 } });

    expect((await mint(body, basicAuth(seeded.keyId, seeded.secret))).status).toBe(201);
    expect((await mint(body, basicAuth(rotated.keyId, rotated.secret))).status).toBe(201);
  });

  it("rejects the old key once the overlap ends", async () => {
    const seeded = await seedAppWithKey("Expired app");
    const rotated = await rotateApiKey({ actor: seeded.actor, appId: seeded.appId, keyId: seeded.keyId, input: { overlapSeconds: 0 } });

    const problem = await expectProblem(await mint(body, basicAuth(seeded.keyId, seeded.secret)), 401, "unauthenticated");
    expect(problem.detail).toMatch(/expired at .*: use the key that replaced it/);
    expect((await mint(body, basicAuth(rotated.keyId, rotated.secret))).status).toBe(201);
  });
});

describe("token API key restrictions", () => {
  let restricted: SeededApp;

  beforeAll(async () => {
    restricted = await seedAppWithKey("Restricted app");
    await updateKeyRestrictions({
      actor: restricted.actor,
      appId: restricted.appId,
      keyId: restricted.keyId,
      input: { allowedGrants: ["chat"], maxTtlSeconds: 600, allowedOrigins: [] },
    });
  });

  it("rejects a grant outside the allowed grants", async () => {
    const response = await mint({ identity: "alice", device: "web1", grants: "chat,video", ttl: 600 }, basicAuth(restricted.keyId, restricted.secret));

    const problem = await expectProblem(response, 403, "forbidden");
    expect(problem.field).toBe("grants");
    expect(problem.detail).toMatch(/may grant only chat; remove video/);
  });

  it("rejects a ttl over the key's maximum", async () => {
    const response = await mint({ identity: "alice", device: "web1", grants: "chat", ttl: 601 }, basicAuth(restricted.keyId, restricted.secret));

    const problem = await expectProblem(response, 403, "forbidden");
    expect(problem.field).toBe("ttl");
    expect(problem.detail).toMatch(/ttl of at most 600 seconds/);
  });

  it("mints within the restrictions", async () => {
    const response = await mint({ identity: "alice", device: "web1", grants: "chat", ttl: 600 }, basicAuth(restricted.keyId, restricted.secret));

    expect(response.status).toBe(201);
  });
});

describe("POST /api/v2/tokens/verify", () => {
  interface VerifyReply {
    verdict: string;
    message: string;
    claims: Record<string, unknown> | null;
    header: Record<string, unknown> | null;
    key?: { id: string; appId: string };
  }

  async function mintWith(seeded: SeededApp): Promise<string> {
    const response = await mint({ identity: "carol", device: "web1", grants: "chat" }, basicAuth(seeded.keyId, seeded.secret));
    return ((await response.json()) as MintReply).token;
  }

  it("finds its own app's token valid", async () => {
    const token = await mintWith(app);

    const response = await verify(token);

    expect(response.status).toBe(200);
    const reply = (await response.json()) as VerifyReply;
    expect(reply.verdict).toBe("valid");
    expect(reply.key).toMatchObject({ id: app.keyId, appId: app.appId });
    expect(reply.claims).toMatchObject({ sub: "carol/web1", iss: app.keyId });
    expect(reply.header).toEqual({ typ: "JWT", alg: "HS256" });
  });

  it("reports another app's token as unknown key", async () => {
    const token = await mintWith(otherApp);

    const reply = (await (await verify(token)).json()) as VerifyReply;

    expect(reply.verdict).toBe("unknown-key");
    expect(reply.key).toBeUndefined();
    expect(reply.message).not.toContain("Other app");
  });

  it("reports a wrong signature as bad signature", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = forgeTestToken({
      header: { typ: "JWT", alg: "HS256" },
      payload: { aud: "https://api.prod.bit6.com/client", iss: app.keyId, iat: now, grants: {}, sub: "x/y", exp: now + 600 },
      secret: "not the key's secret at all",
    });

    const reply = (await (await verify(token)).json()) as VerifyReply;

    expect(reply.verdict).toBe("bad-signature");
  });

  it("reports an expired token as expired", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = forgeTestToken({
      header: { typ: "JWT", alg: "HS256" },
      payload: { aud: "https://api.prod.bit6.com/client", iss: app.keyId, iat: now - 7200, grants: {}, sub: "x/y", exp: now - 3600 },
      secret: app.secret,
    });

    const reply = (await (await verify(token)).json()) as VerifyReply;

    expect(reply.verdict).toBe("expired");
  });

  it("reports a revoked key's token as revoked", async () => {
    const seeded = await seedAppWithKey("Verify revoked app");
    const second = await createApiKey({ actor: seeded.actor, appId: seeded.appId, input: { label: "second" } });
    const token = await mintWith(seeded);
    await revokeApiKey({ actor: seeded.actor, appId: seeded.appId, keyId: seeded.keyId });

    const reply = (await (await verify(token, basicAuth(second.keyId, second.secret))).json()) as VerifyReply;

    expect(reply.verdict).toBe("revoked");
  });

  it("updates the verifying key's last use", async () => {
    const seeded = await seedAppWithKey("Verify usage app");
    const verifier = await createApiKey({ actor: seeded.actor, appId: seeded.appId, input: { label: "verifier" } });
    const token = await mintWith(seeded);
    const requestedAt = Date.now();

    const reply = (await (await verify(token, basicAuth(verifier.keyId, verifier.secret))).json()) as VerifyReply;
    await flushKeyUsage();

    expect(reply.verdict).toBe("valid");
    const entries = await listKeysWithUsage({ actor: seeded.actor, appId: seeded.appId });
    const lastUsedAt = entries.find((entry) => entry.id === verifier.keyId)?.lastUsedAt;
    expect(lastUsedAt?.getTime()).toBeGreaterThanOrEqual(requestedAt);
    const usage = await (await getDb()).keyUsage.findMany({ where: { keyId: verifier.keyId } });
    expect(usage.map((row) => ({ tokenCount: row.tokenCount, verifyCount: row.verifyCount }))).toEqual([{ tokenCount: 0, verifyCount: 1 }]);
  });

  it("reports garbage as malformed", async () => {
    const reply = (await (await verify("not-a-token")).json()) as VerifyReply;

    expect(reply.verdict).toBe("malformed");
    expect(reply.claims).toBeNull();
  });

  it("rejects a missing token with 400", async () => {
    const problem = await expectProblem(await post("/api/v2/tokens/verify", { body: "{}" }), 400, "invalid_input");

    expect(problem.field).toBe("token");
  });

  it("rejects a request without auth with 401", async () => {
    const response = await verify("x", null);

    await expectProblem(response, 401, "unauthenticated");
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic/);
  });
});

describe("POST /api/demo/:appId/token", () => {
  let demo: SeededApp;

  beforeAll(async () => {
    demo = await seedAppWithKey("Demo app");
    await configureDemoEndpoint({
      actor: demo.actor,
      appId: demo.appId,
      input: { enabled: true, keyId: demo.keyId, grants: ["chat", "video"], ttlSeconds: 900 },
    });
  });

  function demoPost(appId: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${server.baseUrl}/api/demo/${appId}/token`, {
      method: "POST",
      headers: { ...FORM_HEADERS, ...headers },
      body: "identity=bob1&device=web1",
    });
  }

  it("issues a token with the configured grants", async () => {
    const response = await demoPost(demo.appId);

    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const { token } = (await response.json()) as { token: string };
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as MintReply["claims"];
    expect(payload.grants).toEqual({ chat: true, video: true });
    expect(payload.exp - payload.iat).toBe(900);
  });

  it("answers 404 while the endpoint is off", async () => {
    await expectProblem(await demoPost(app.appId), 404, "not_found");
  });

  it("answers a preflight with 204", async () => {
    const response = await fetch(`${server.baseUrl}/api/demo/${demo.appId}/token`, { method: "OPTIONS" });

    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
  });

  it("stops at once when the owner turns it off", async () => {
    const seeded = await seedAppWithKey("Demo off app");
    const settings = { keyId: seeded.keyId, grants: ["chat"], ttlSeconds: 600 };
    await configureDemoEndpoint({ actor: seeded.actor, appId: seeded.appId, input: { enabled: true, ...settings } });
    expect((await demoPost(seeded.appId)).status).toBe(200);

    await configureDemoEndpoint({ actor: seeded.actor, appId: seeded.appId, input: { enabled: false, ...settings } });

    await expectProblem(await demoPost(seeded.appId), 404, "not_found");
  });

  it("stops at once when its key is revoked", async () => {
    const seeded = await seedAppWithKey("Demo revoked app");
    await configureDemoEndpoint({ actor: seeded.actor, appId: seeded.appId, input: { enabled: true, keyId: seeded.keyId, grants: ["chat"], ttlSeconds: 600 } });
    expect((await demoPost(seeded.appId)).status).toBe(200);

    await revokeApiKey({ actor: seeded.actor, appId: seeded.appId, keyId: seeded.keyId });

    expect((await demoPost(seeded.appId)).status).toBe(409);
  });

  it("checks the key's allowed origins", async () => {
    await updateKeyRestrictions({
      actor: demo.actor,
      appId: demo.appId,
      keyId: demo.keyId,
      input: { allowedGrants: [], maxTtlSeconds: null, allowedOrigins: ["https://app.example.com"] },
    });

    const refused = await demoPost(demo.appId, { origin: "https://evil.example.net" });
    const allowed = await demoPost(demo.appId, { origin: "https://app.example.com" });

    const problem = await expectProblem(refused, 403, "forbidden");
    expect(problem.field).toBe("origin");
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect(allowed.status).toBe(200);
  });
});

describe("token API audit log", () => {
  it("records a minted token without the token", async () => {
    const seeded = await seedAppWithKey("Audit app");
    const response = await mint({ identity: "dave", device: "web1", grants: "chat" }, basicAuth(seeded.keyId, seeded.secret));
    const { token } = (await response.json()) as MintReply;

    await flushAuditQueue();

    const events = await (await getDb()).auditEvent.findMany({ where: { appId: seeded.appId, action: "token.api_minted" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "KEY", actorKeyId: seeded.keyId, ip: "127.0.0.1" });
    expect(events[0]?.details).toMatchObject({ identity: "dave", device: "web1", grants: { chat: true } });
    expect(JSON.stringify(events[0])).not.toContain(token);
  });

  it("records a wrong secret for an existing key", async () => {
    const seeded = await seedAppWithKey("Audit failure app");
    await mint({ identity: "dave", device: "web1" }, basicAuth(seeded.keyId, "a wrong secret"));

    await flushAuditQueue();

    const events = await (await getDb()).auditEvent.findMany({ where: { appId: seeded.appId, action: "api.auth_failed" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toEqual({ reason: "wrong secret" });
    expect(JSON.stringify(events[0])).not.toContain("a wrong secret");
  });

  it("records a revoked key's failed authentication", async () => {
    const seeded = await seedAppWithKey("Audit revoked app");
    await revokeApiKey({ actor: seeded.actor, appId: seeded.appId, keyId: seeded.keyId });

    const response = await mint({ identity: "dave", device: "web1" }, basicAuth(seeded.keyId, seeded.secret));
    await flushAuditQueue();

    expect(response.status).toBe(401);
    const events = await (await getDb()).auditEvent.findMany({ where: { appId: seeded.appId, action: "api.auth_failed" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "ANONYMOUS", targetType: "key", targetId: seeded.keyId, ip: "127.0.0.1" });
    expect(events[0]?.details).toEqual({ reason: "key revoked" });
  });

  it("records an expired key's failed authentication", async () => {
    const seeded = await seedAppWithKey("Audit expired app");
    await rotateApiKey({ actor: seeded.actor, appId: seeded.appId, keyId: seeded.keyId, input: { overlapSeconds: 0 } });

    const response = await mint({ identity: "dave", device: "web1" }, basicAuth(seeded.keyId, seeded.secret));
    await flushAuditQueue();

    expect(response.status).toBe(401);
    const events = await (await getDb()).auditEvent.findMany({ where: { appId: seeded.appId, action: "api.auth_failed" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "ANONYMOUS", targetType: "key", targetId: seeded.keyId });
    expect(events[0]?.details).toEqual({ reason: "key expired" });
  });

  it("records a demo token's claims without the token", async () => {
    const seeded = await seedAppWithKey("Audit demo app");
    await configureDemoEndpoint({
      actor: seeded.actor,
      appId: seeded.appId,
      input: { enabled: true, keyId: seeded.keyId, grants: ["chat", "video"], ttlSeconds: 900 },
    });

    const response = await fetch(`${server.baseUrl}/api/demo/${seeded.appId}/token`, {
      method: "POST",
      headers: { ...FORM_HEADERS, "user-agent": "demo-page/1.0" },
      body: "identity=erin&device=tab1",
    });
    const { token } = (await response.json()) as { token: string };
    await flushAuditQueue();

    const events = await (await getDb()).auditEvent.findMany({ where: { appId: seeded.appId, action: "token.demo_minted" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "ANONYMOUS", actorLabel: "demo endpoint", targetType: "key", targetId: seeded.keyId });
    expect(events[0]).toMatchObject({ ip: "127.0.0.1", userAgent: "demo-page/1.0" });
    expect(events[0]?.details).toEqual({ identity: "erin", device: "tab1", grants: { chat: true, video: true }, ttl: 900, keyId: seeded.keyId });
    expect(JSON.stringify(events[0])).not.toContain(token);
  });

  it("records a verification with its verdict", async () => {
    const seeded = await seedAppWithKey("Audit verify app");
    await verify("not-a-token", basicAuth(seeded.keyId, seeded.secret));

    await flushAuditQueue();

    const events = await (await getDb()).auditEvent.findMany({ where: { appId: seeded.appId, action: "token.api_verified" } });
    expect(events.map((event) => event.details)).toEqual([{ verdict: "malformed" }]);
  });
});

describe("HTTP front", () => {
  it("passes other paths to the fallback", async () => {
    const response = await fetch(`${server.baseUrl}/apps`, { headers: { "x-forwarded-for": "203.0.113.9" } });

    expect(response.status).toBe(404);
    expect(await response.text()).toBe("not served by the front");
    expect(server.fallbackForwardedFor.at(-1)).toBe("203.0.113.9, 127.0.0.1");
  });
});
