import { describe, expect, it } from "vitest";

import { closeDatabase } from "@/lib/db/get-db";
import { createTestUser, TEST_PASSWORD } from "@/lib/testing/team-fixtures";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { changePassword } from "@/lib/users/change-password";
import { endAllSessions } from "@/lib/users/end-all-sessions";

import { checkSessionToken } from "./check-session-token";

useTempDatabase();

describe("checkSessionToken", () => {
  it("keeps a token at the account's version", async () => {
    const user = await createTestUser();
    const token = { sub: user.id, sessionVersion: 0 };

    expect(await checkSessionToken(token)).toBe(token);
  });

  it("ends a token after sign out everywhere", async () => {
    const user = await createTestUser();

    const { sessionVersion } = await endAllSessions({ actor: user });

    expect(await checkSessionToken({ sub: user.id, sessionVersion: 0 })).toBeNull();
    expect(await checkSessionToken({ sub: user.id, sessionVersion })).not.toBeNull();
  });

  it("ends a token after a password change", async () => {
    const user = await createTestUser();

    await changePassword({ actor: user, input: { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" } });

    expect(await checkSessionToken({ sub: user.id, sessionVersion: 0 })).toBeNull();
  });

  it("counts a token without a version as version 0", async () => {
    const user = await createTestUser();

    expect(await checkSessionToken({ sub: user.id })).not.toBeNull();
  });

  it("ends a token of an unknown account", async () => {
    expect(await checkSessionToken({ sub: "no-such-user", sessionVersion: 0 })).toBeNull();
  });

  it("ends a token without a subject", async () => {
    expect(await checkSessionToken({ sessionVersion: 0 })).toBeNull();
  });

  it("keeps a token while the database is unreachable", async () => {
    const user = await createTestUser();
    const token = { sub: user.id, sessionVersion: 5 };
    const databaseUrl = process.env.DATABASE_URL;
    await closeDatabase();
    // Nothing listens on port 1 of this machine, so the connection is refused.
    process.env.DATABASE_URL = "postgresql://console@127.0.0.1:1/unreachable";

    try {
      expect(await checkSessionToken(token)).toBe(token);
    } finally {
      await closeDatabase();
      if (databaseUrl === undefined) {
        delete process.env.DATABASE_URL;
      } else {
        process.env.DATABASE_URL = databaseUrl;
      }
    }
  });
});
