import { afterEach, describe, expect, it } from "vitest";

import { isSelfSignUpAllowed } from "@/lib/auth/sign-up-policy";
import { addMember } from "@/lib/members/add-member";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createTestApp, createTestUser, TEST_PASSWORD, uniqueTestEmail } from "@/lib/testing/team-fixtures";

import { registerUser } from "./register-user";

useTempDatabase();

afterEach(() => {
  delete process.env.CONSOLE_ALLOW_SIGNUP;
});

async function pendingInvitation(email: string): Promise<string> {
  const owner = await createTestUser("owner");
  const appId = await createTestApp(owner);
  const result = await addMember({ actor: owner, appId, input: { email, role: "viewer" } });
  if (result.kind !== "invited") {
    throw new Error("expected an invitation");
  }
  return result.token;
}

describe("registerUser", () => {
  it("signs anyone up by default", async () => {
    const email = uniqueTestEmail();

    await expect(registerUser({ input: { email, password: TEST_PASSWORD } })).resolves.toMatchObject({ email });
  });

  it("refuses self sign-up when turned off", async () => {
    process.env.CONSOLE_ALLOW_SIGNUP = "false";

    await expect(registerUser({ input: { email: uniqueTestEmail(), password: TEST_PASSWORD } })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/sign-up is turned off.*invitation link/),
    });
  });

  it("signs up an invited email when turned off", async () => {
    const email = uniqueTestEmail("invited");
    const token = await pendingInvitation(email);
    process.env.CONSOLE_ALLOW_SIGNUP = "false";

    await expect(registerUser({ input: { email: email.toUpperCase(), password: TEST_PASSWORD }, invitationToken: token })).resolves.toMatchObject({
      email,
    });
  });

  it("refuses another email with an invitation", async () => {
    const token = await pendingInvitation(uniqueTestEmail("invited"));
    process.env.CONSOLE_ALLOW_SIGNUP = "false";

    await expect(registerUser({ input: { email: uniqueTestEmail("other"), password: TEST_PASSWORD }, invitationToken: token })).rejects.toMatchObject({
      code: "forbidden",
      field: "email",
    });
  });

  it("refuses an unknown invitation when turned off", async () => {
    process.env.CONSOLE_ALLOW_SIGNUP = "0";

    await expect(
      registerUser({ input: { email: uniqueTestEmail(), password: TEST_PASSWORD }, invitationToken: "C".repeat(43) }),
    ).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/no longer valid/) });
  });
});

describe("isSelfSignUpAllowed", () => {
  it.each([
    [undefined, true],
    ["", true],
    ["true", true],
    ["1", true],
    ["FALSE", false],
    ["0", false],
  ])("reads %j as %s", (value, expected) => {
    expect(isSelfSignUpAllowed({ CONSOLE_ALLOW_SIGNUP: value })).toBe(expected);
  });

  it("rejects an unknown value naming it", () => {
    expect(() => isSelfSignUpAllowed({ CONSOLE_ALLOW_SIGNUP: "maybe" })).toThrow("CONSOLE_ALLOW_SIGNUP 'maybe' is invalid: set it to true or false");
  });
});
