import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/lib/db/get-db";
import { seedAppWithKey, type SeededApp } from "@/lib/testing/seed-app-with-key";
import { startFrontServer, type RunningFrontServer } from "@/lib/testing/start-front-server";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { buildToken } from "@/lib/tokens/build-token";
import { testVectors } from "@/lib/tokens/test-vectors";
import { verifyToken } from "@/lib/tokens/verify-token";

import { buildTokenExamples, EXAMPLE_REQUEST, type ExampleLanguage, type TokenExample } from "./build-token-examples";

useTempDatabase();

let server: RunningFrontServer;
let seeded: SeededApp;
let scratch: string;

beforeAll(async () => {
  await getDatabase();
  server = await startFrontServer();
  seeded = await seedAppWithKey("Examples app");
  scratch = mkdtempSync(path.join(tmpdir(), "bit6-examples-"));
});

afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

// Runs an example as a developer would paste it, with the key in the
// environment, and returns what it printed. The child runs asynchronously,
// because the API examples call the server in this process.
async function runExample(example: TokenExample, key: { id: string; secret: string }): Promise<string> {
  const env = { ...process.env, BIT6_KEY_ID: key.id, BIT6_KEY_SECRET: key.secret };
  const commands: Record<Exclude<ExampleLanguage, "php">, () => [string, string[]]> = {
    curl: () => ["bash", ["-c", example.code]],
    python: () => ["python3", ["-c", example.code]],
    node: () => {
      // Top-level await needs an ES module file.
      const file = path.join(scratch, `${example.mode}-example.mjs`);
      writeFileSync(file, example.code);
      return [process.execPath, [file]];
    },
  };

  if (example.language === "php") {
    throw new Error("PHP examples cannot run here");
  }
  const [command, args] = commands[example.language]();
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    execFile(command, args, { env, encoding: "utf8", timeout: 30_000 }, (error, out, err) => (error ? reject(error) : resolve({ stdout: out, stderr: err })));
  });
  expect(stderr).toBe("");
  return stdout.trim();
}

function claimsOf(token: string): { iat: number; exp: number; sub: string; grants: Record<string, boolean>; iss: string } {
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as never;
}

// NOTE: the PHP examples are not run, because this machine has no PHP.
const runnable = (mode: "api" | "local") =>
  buildTokenExamples({ baseUrl: "http://unused.invalid" })
    .filter((example) => example.mode === mode && example.language !== "php")
    .map((example) => [example.label, example.language] as const);

describe("buildTokenExamples", () => {
  it("reads the secret only from the environment", () => {
    for (const example of buildTokenExamples({ baseUrl: "https://console.example.com" })) {
      expect(example.code).toContain("BIT6_KEY_SECRET");
      expect(example.code).not.toContain(testVectors.key.secret);
    }
  });

  it("gives every language with and without the API", () => {
    const pairs = buildTokenExamples({ baseUrl: "https://console.example.com" }).map((example) => `${example.mode}:${example.language}`);

    expect(pairs.sort()).toEqual(["api:curl", "api:node", "api:php", "api:python", "local:curl", "local:node", "local:php", "local:python"]);
  });

  it.each(runnable("local"))("local %s example matches the console's token", async (_label, language) => {
    const example = buildTokenExamples({ baseUrl: "http://unused.invalid" }).find((candidate) => candidate.mode === "local" && candidate.language === language);
    const { key } = testVectors;

    const token = await runExample(example!, key);

    const claims = claimsOf(token);
    expect(claims.exp - claims.iat).toBe(EXAMPLE_REQUEST.ttl);
    const expected = await buildToken({
      key,
      identity: EXAMPLE_REQUEST.identity,
      device: EXAMPLE_REQUEST.device,
      grants: { chat: true, video: true },
      ttl: EXAMPLE_REQUEST.ttl,
      now: claims.iat,
    });
    expect(token).toBe(expected);
  });

  it.each(runnable("api"))("API %s example gets a valid token", async (_label, language) => {
    const example = buildTokenExamples({ baseUrl: server.baseUrl }).find((candidate) => candidate.mode === "api" && candidate.language === language);

    const output = await runExample(example!, { id: seeded.keyId, secret: seeded.secret });

    // The curl example prints the whole reply; the others print the token.
    const token = output.startsWith("{") ? (JSON.parse(output) as { token: string }).token : output;

    const result = await verifyToken(token, {
      findKey: async () => ({ id: seeded.keyId, secret: seeded.secret, status: "active", appId: seeded.appId, appName: "Examples app" }),
    });
    expect(result.verdict).toBe("valid");
    expect(claimsOf(token)).toMatchObject({ sub: "alice/web1", grants: { chat: true, video: true }, iss: seeded.keyId });
  });
});
