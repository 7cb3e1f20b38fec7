import { describe, expect, it } from "vitest";

import { findGrantsWarning, KNOWN_GRANTS, parseGrants, type GrantsResult } from "./grants";

function expectRejection(result: GrantsResult): string {
  if (result.ok) {
    throw new Error(`expected grants to be rejected, got ${JSON.stringify(result.grants)}`);
  }
  return result.message;
}

describe("parseGrants", () => {
  it("parseGrants keeps object order", () => {
    const result = parseGrants({ video: false, chat: true });

    expect(result).toEqual({ ok: true, grants: { video: false, chat: true } });
    expect(Object.keys(result.ok ? result.grants : {})).toEqual(["video", "chat"]);
  });

  it.each([
    { input: "chat,video", grants: { chat: true, video: true } },
    { input: "chat video", grants: { chat: true, video: true } },
    { input: " signal ,  push ", grants: { signal: true, push: true } },
    { input: "chat,,chat", grants: { chat: true } },
    { input: "", grants: {} },
  ])("parseGrants reads list $input", ({ input, grants }) => {
    expect(parseGrants(input)).toEqual({ ok: true, grants });
  });

  it.each([undefined, null])("parseGrants treats %s as no grants", (input) => {
    expect(parseGrants(input)).toEqual({ ok: true, grants: {} });
  });

  it.each([
    { input: { Chat: true }, message: "unknown grant 'Chat': use one of chat, push, signal, video" },
    { input: { admin: true }, message: "unknown grant 'admin': use one of chat, push, signal, video" },
    { input: JSON.parse('{"__proto__": true}') as unknown, message: "unknown grant '__proto__': use one of chat, push, signal, video" },
    { input: "chat,Video", message: "unknown grant 'Video': use one of chat, push, signal, video" },
    { input: { chat: "true" }, message: `grant 'chat' must be true or false, got "true"` },
    { input: { chat: 1 }, message: "grant 'chat' must be true or false, got 1" },
    { input: { chat: null }, message: "grant 'chat' must be true or false, got null" },
    { input: ["chat"], message: `grants must be an object such as {"chat": true} or a list such as "chat,video", got an array` },
    { input: 42, message: `grants must be an object such as {"chat": true} or a list such as "chat,video", got 42` },
    { input: new Map([["chat", true]]), message: `grants must be an object such as {"chat": true} or a list such as "chat,video", got a Map object` },
  ])("parseGrants rejects $input", ({ input, message }) => {
    const result = parseGrants(input);

    expect(result).toEqual({ ok: false, field: "grants", message });
    expect(message).toMatch(/grant/);
  });

  it("parseGrants lists every known grant", () => {
    const message = expectRejection(parseGrants({ admin: true }));

    for (const name of KNOWN_GRANTS) {
      expect(message).toContain(name);
    }
  });
});

describe("findGrantsWarning", () => {
  it("findGrantsWarning warns on empty grants", () => {
    expect(findGrantsWarning({})).toBe("no grants: the token will not allow any service (chat, push, signal, video)");
  });

  it("findGrantsWarning warns when all are false", () => {
    expect(findGrantsWarning({ chat: false })).not.toBeNull();
  });

  it("findGrantsWarning is silent with a grant", () => {
    expect(findGrantsWarning({ chat: false, video: true })).toBeNull();
  });
});
