import { describe, expect, it } from "vitest";

import { resolveSessionUser } from "@/lib/auth/resolve-session-user";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createTestUser, TEST_PASSWORD } from "@/lib/testing/team-fixtures";

import { authenticateUser } from "./authenticate-user";
import { changePassword } from "./change-password";
import { endAllSessions } from "./end-all-sessions";

useTempDatabase();

const NEW_PASSWORD = "a brand new passphrase";

describe("resolveSessionUser", () => {
  it("accepts a session at the account's version", async () => {
    const user = await createTestUser();

    expect(await resolveSessionUser({ user: { id: user.id, sessionVersion: 0 } })).toMatchObject({ id: user.id, email: user.email });
  });

  it("counts a session without a version as version 0", async () => {
    const user = await createTestUser();

    expect(await resolveSessionUser({ user: { id: user.id } })).not.toBeNull();
  });

  it("rejects a session of a deleted account", async () => {
    expect(await resolveSessionUser({ user: { id: "no-such-user", sessionVersion: 0 } })).toBeNull();
  });

  it("rejects a session without a user", async () => {
    expect(await resolveSessionUser(null)).toBeNull();
  });
});

describe("endAllSessions", () => {
  it("ends sessions signed in before", async () => {
    const user = await createTestUser();

    const { sessionVersion } = await endAllSessions({ actor: user });

    expect(sessionVersion).toBe(1);
    expect(await resolveSessionUser({ user: { id: user.id, sessionVersion: 0 } })).toBeNull();
    expect(await resolveSessionUser({ user: { id: user.id, sessionVersion: 1 } })).not.toBeNull();
  });
});

describe("changePassword", () => {
  it("ends older sessions and signs in with the new version", async () => {
    const user = await createTestUser();

    const { sessionVersion } = await changePassword({ actor: user, input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });

    expect(await resolveSessionUser({ user: { id: user.id, sessionVersion: 0 } })).toBeNull();
    const signedIn = await authenticateUser({ email: user.email, password: NEW_PASSWORD });
    expect(signedIn?.sessionVersion).toBe(sessionVersion);
    expect(await resolveSessionUser({ user: { id: user.id, sessionVersion: signedIn?.sessionVersion } })).not.toBeNull();
  });

  it("retires the old password", async () => {
    const user = await createTestUser();

    await changePassword({ actor: user, input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });

    expect(await authenticateUser({ email: user.email, password: TEST_PASSWORD })).toBeNull();
  });

  it("rejects a wrong current password and keeps sessions", async () => {
    const user = await createTestUser();

    await expect(changePassword({ actor: user, input: { currentPassword: "wrong password!", newPassword: NEW_PASSWORD } })).rejects.toMatchObject({
      code: "invalid_input",
      field: "currentPassword",
      message: "the current password is incorrect",
    });
    expect(await resolveSessionUser({ user: { id: user.id, sessionVersion: 0 } })).not.toBeNull();
  });

  it("limits guesses of the current password", async () => {
    const user = await createTestUser();
    const guess = () => changePassword({ actor: user, input: { currentPassword: "wrong password!", newPassword: NEW_PASSWORD } });

    // The sign-in limit per account defaults to 10 attempts per 15 minutes.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await expect(guess()).rejects.toMatchObject({ code: "invalid_input" });
    }
    await expect(guess()).rejects.toMatchObject({ code: "rate_limited" });
  });

  it.each([
    ["a short new password", { currentPassword: TEST_PASSWORD, newPassword: "short" }, "newPassword", /at least 12 characters/],
    ["the same password", { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, "newPassword", /must differ/],
    ["a missing current password", { newPassword: NEW_PASSWORD }, "currentPassword", /required/],
  ])("rejects %s", async (_name, input, field, message) => {
    const user = await createTestUser();

    await expect(changePassword({ actor: user, input })).rejects.toMatchObject({ code: "invalid_input", field, message: expect.stringMatching(message) });
  });
});
