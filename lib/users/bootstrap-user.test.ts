import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/get-db";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createTestApp, createTestUser, readAuditEvents, TEST_PASSWORD, uniqueTestEmail } from "@/lib/testing/team-fixtures";

import { bootstrapUser } from "./bootstrap-user";

useTempDatabase();

describe("bootstrapUser", () => {
  it("creates an account alone", async () => {
    const email = uniqueTestEmail("admin");

    const result = await bootstrapUser({ input: { account: { email, password: TEST_PASSWORD } } });

    expect(result).toMatchObject({ email, app: null });
  });

  it("creates a new app the account owns", async () => {
    const result = await bootstrapUser({ input: { account: { email: uniqueTestEmail("admin"), password: TEST_PASSWORD }, app: "Bootstrap app" } });

    expect(result.app).toMatchObject({ name: "Bootstrap app", role: "OWNER", created: true });
    const membership = await (await getDb()).membership.findFirstOrThrow({ where: { userId: result.userId } });
    expect(membership.role).toBe("OWNER");
  });

  it("joins an existing app by ID with a role", async () => {
    const owner = await createTestUser("owner");
    const appId = await createTestApp(owner);

    const result = await bootstrapUser({ input: { account: { email: uniqueTestEmail("dev"), password: TEST_PASSWORD }, app: appId, role: "developer" } });

    expect(result.app).toMatchObject({ id: appId, role: "DEVELOPER", created: false });
    const [entry] = await readAuditEvents(appId, "member.added");
    expect(entry).toMatchObject({ actorType: "ANONYMOUS", actorLabel: "operator (npm run user:create)", targetId: result.userId });
  });

  it("refuses a new app without an owner", async () => {
    const email = uniqueTestEmail("viewer");

    await expect(bootstrapUser({ input: { account: { email, password: TEST_PASSWORD }, app: "No such app", role: "viewer" } })).rejects.toMatchObject({
      code: "invalid_input",
      field: "role",
    });
    expect(await (await getDb()).user.count({ where: { email } })).toBe(0);
  });

  it("rejects a short password", async () => {
    await expect(bootstrapUser({ input: { account: { email: uniqueTestEmail(), password: "short" } } })).rejects.toMatchObject({
      code: "invalid_input",
      field: "account.password",
    });
  });
});
