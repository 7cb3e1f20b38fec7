import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { runScript } from "@/lib/testing/run-script";

// Each run opens the embedded database in this folder, as an operator's
// first `npm run user:create` on a fresh console does.
const dataDir = mkdtempSync(path.join(tmpdir(), "bit6-console-user-create-"));
const env = { CONSOLE_DATA_DIR: dataDir, DATABASE_URL: undefined, CONSOLE_ENCRYPTION_KEY: undefined, CONSOLE_ENCRYPTION_KEY_PREVIOUS: undefined };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm run user:create", () => {
  it("creates an account that owns a new app", async () => {
    const result = await runScript("create-user.ts", env, ["--email", "Admin@Example.test", "--password", "correct horse battery", "--app", "First app"]);

    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Created account admin@example\.test \(user ID \S+\)\.$/m);
    expect(result.stdout).toMatch(/^Created app First app \(app ID \S+\) as owner\.$/m);
  });

  it("adds a second account to the app by name", async () => {
    const result = await runScript("create-user.ts", env, ["--email", "dev@example.test", "--password", "correct horse battery", "--app", "First app", "--role", "developer"]);

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Joined app First app \(app ID \S+\) as developer\.$/m);
  });

  it("rejects an email that has an account", async () => {
    const result = await runScript("create-user.ts", env, ["--email", "ADMIN@example.test", "--password", "correct horse battery"]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain("user:create: an account with this email already exists");
  });

  it("rejects a short password, naming the flag", async () => {
    const result = await runScript("create-user.ts", env, ["--email", "short@example.test", "--password", "too short"]);

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^user:create: --password: .*12 characters/m);
  });

  it("rejects an unknown role, naming the flag", async () => {
    const result = await runScript("create-user.ts", env, ["--email", "role@example.test", "--password", "correct horse battery", "--app", "First app", "--role", "admin"]);

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^user:create: --role: /m);
  });

  it("prints the usage for an unknown flag", async () => {
    const result = await runScript("create-user.ts", env, ["--mail", "x@example.test"]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage: npm run user:create");
  });
});
