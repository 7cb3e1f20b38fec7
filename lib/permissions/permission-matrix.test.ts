import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { getAppSettings } from "@/lib/apps/get-app-settings";
import { updateAppSettings } from "@/lib/apps/update-app-settings";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import type { Actor } from "@/lib/auth/current-user";
import { configureDemoEndpoint } from "@/lib/demo/configure-demo-endpoint";
import { getDemoEndpoint } from "@/lib/demo/get-demo-endpoint";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { inspectToken } from "@/lib/inspect/inspect-token";
import { createApiKey } from "@/lib/keys/create-api-key";
import { importApiKey } from "@/lib/keys/import-api-key";
import { listApiKeys } from "@/lib/keys/list-api-keys";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { rotateApiKey } from "@/lib/keys/rotate-api-key";
import { updateKeyRestrictions } from "@/lib/keys/update-key-restrictions";
import { addMember } from "@/lib/members/add-member";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { listInvitations } from "@/lib/members/list-invitations";
import { listMembers } from "@/lib/members/list-members";
import { removeMember } from "@/lib/members/remove-member";
import { revokeInvitation } from "@/lib/members/revoke-invitation";
import { mintTestToken } from "@/lib/mint/mint-test-token";
import { signWithKey } from "@/lib/mint/sign-with-key";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { createTestApp, createTestUser, readAuditEvents, uniqueTestEmail } from "@/lib/testing/team-fixtures";

import { APP_ACTIONS, type AppAction } from "./permissions";

useTempDatabase();

type Caller = MemberRole | "NON_MEMBER";

const CALLERS: Caller[] = ["OWNER", "DEVELOPER", "VIEWER", "NON_MEMBER"];

interface Team {
  owner: Actor;
  coOwner: Actor;
  developer: Actor;
  viewer: Actor;
  stranger: Actor;
}

interface CaseContext {
  appId: string;
  // The member or non-member taking the action.
  actor: Actor;
  // An owner who prepares what the action needs, such as a key to revoke.
  owner: Actor;
  // A second owner, so the owner may leave or demote one.
  coOwner: Actor;
  viewer: Actor;
}

interface Operation {
  name: string;
  action: AppAction;
  // Who may do it, written out here on purpose instead of read from
  // PERMISSIONS, so a wrong entry in the matrix fails this test.
  allowed: readonly MemberRole[];
  // The entry an allowed call records with the caller as actor.
  audit?: AuditAction;
  run: (context: CaseContext) => Promise<unknown>;
}

const ALL_ROLES: readonly MemberRole[] = ["OWNER", "DEVELOPER", "VIEWER"];
const OWNER_ONLY: readonly MemberRole[] = ["OWNER"];

async function ownerKey(context: CaseContext): Promise<string> {
  return (await createApiKey({ actor: context.owner, appId: context.appId, input: { label: "prepared" } })).keyId;
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

const OPERATIONS: Operation[] = [
  { name: "list keys", action: "key.list", allowed: ALL_ROLES, run: (c) => listApiKeys({ actor: c.actor, appId: c.appId }) },
  {
    name: "create key",
    action: "key.create",
    allowed: OWNER_ONLY,
    audit: "key.created",
    run: (c) => createApiKey({ actor: c.actor, appId: c.appId, input: { label: "server" } }),
  },
  {
    name: "rotate key",
    action: "key.create",
    allowed: OWNER_ONLY,
    audit: "key.rotated",
    run: async (c) => rotateApiKey({ actor: c.actor, appId: c.appId, keyId: await ownerKey(c), input: { overlapSeconds: 3600 } }),
  },
  {
    name: "revoke key",
    action: "key.revoke",
    allowed: OWNER_ONLY,
    audit: "key.revoked",
    run: async (c) => revokeApiKey({ actor: c.actor, appId: c.appId, keyId: await ownerKey(c) }),
  },
  {
    name: "import key",
    action: "key.create",
    allowed: OWNER_ONLY,
    audit: "key.imported",
    run: (c) =>
      importApiKey({ actor: c.actor, appId: c.appId, input: { label: "moved", keyId: randomBytes(16).toString("hex"), secret: "0123456789abcdef0123" } }),
  },
  {
    name: "update key restrictions",
    action: "key.create",
    allowed: OWNER_ONLY,
    audit: "key.restrictions_updated",
    run: async (c) =>
      updateKeyRestrictions({
        actor: c.actor,
        appId: c.appId,
        keyId: await ownerKey(c),
        input: { allowedGrants: ["chat"], maxTtlSeconds: 600, allowedOrigins: [] },
      }),
  },
  {
    name: "mint test token",
    action: "token.mint",
    allowed: ["OWNER", "DEVELOPER"],
    audit: "token.minted",
    run: async (c) =>
      mintTestToken({ actor: c.actor, appId: c.appId, fields: { keyId: await ownerKey(c), identity: "alice", device: "web1", grants: "chat", ttl: "600" } }),
  },
  { name: "read demo settings", action: "demo.read", allowed: ALL_ROLES, run: (c) => getDemoEndpoint({ actor: c.actor, appId: c.appId }) },
  {
    name: "configure demo endpoint",
    action: "demo.configure",
    allowed: OWNER_ONLY,
    audit: "demo.configured",
    run: async (c) =>
      configureDemoEndpoint({ actor: c.actor, appId: c.appId, input: { enabled: true, keyId: await ownerKey(c), grants: ["chat"], ttlSeconds: 600 } }),
  },
  { name: "list members", action: "member.list", allowed: ALL_ROLES, run: (c) => listMembers({ actor: c.actor, appId: c.appId }) },
  {
    name: "add member",
    action: "member.manage",
    allowed: OWNER_ONLY,
    audit: "member.added",
    run: async (c) => addMember({ actor: c.actor, appId: c.appId, input: { email: (await createTestUser("added")).email, role: "viewer" } }),
  },
  {
    name: "invite member",
    action: "member.manage",
    allowed: OWNER_ONLY,
    audit: "invitation.created",
    run: (c) => addMember({ actor: c.actor, appId: c.appId, input: { email: uniqueTestEmail("invited"), role: "developer" } }),
  },
  { name: "list invitations", action: "member.manage", allowed: OWNER_ONLY, run: (c) => listInvitations({ actor: c.actor, appId: c.appId }) },
  {
    name: "revoke invitation",
    action: "member.manage",
    allowed: OWNER_ONLY,
    audit: "invitation.revoked",
    run: async (c) => {
      const invited = await addMember({ actor: c.owner, appId: c.appId, input: { email: uniqueTestEmail("invited"), role: "viewer" } });
      if (invited.kind !== "invited") {
        throw new Error("expected an invitation");
      }
      return revokeInvitation({ actor: c.actor, appId: c.appId, invitationId: invited.invitationId });
    },
  },
  {
    name: "change member role",
    action: "member.manage",
    allowed: OWNER_ONLY,
    audit: "member.role_changed",
    run: (c) => changeMemberRole({ actor: c.actor, appId: c.appId, userId: c.viewer.id, input: { role: "developer" } }),
  },
  {
    name: "remove member",
    action: "member.manage",
    allowed: OWNER_ONLY,
    audit: "member.removed",
    run: (c) => removeMember({ actor: c.actor, appId: c.appId, userId: c.coOwner.id }),
  },
  {
    name: "leave app",
    action: "member.leave",
    allowed: ALL_ROLES,
    audit: "member.removed",
    run: (c) => removeMember({ actor: c.actor, appId: c.appId, userId: c.actor.id }),
  },
  {
    name: "read audit log",
    action: "audit.read",
    allowed: OWNER_ONLY,
    run: (c) => listAuditEvents({ actor: c.actor, appId: c.appId, filters: {} }),
  },
  {
    name: "export audit log",
    action: "audit.read",
    allowed: OWNER_ONLY,
    run: async (c) => readStream(await exportAuditEvents({ actor: c.actor, appId: c.appId, filters: {} })),
  },
  { name: "read settings", action: "app.read", allowed: ALL_ROLES, run: (c) => getAppSettings({ actor: c.actor, appId: c.appId }) },
  {
    name: "update settings",
    action: "settings.update",
    allowed: OWNER_ONLY,
    audit: "app.settings_updated",
    run: (c) => updateAppSettings({ actor: c.actor, appId: c.appId, input: { name: "Renamed", auditRetentionDays: 30 } }),
  },
];

let team: Team;

beforeAll(async () => {
  const [owner, coOwner, developer, viewer, stranger] = await Promise.all(
    ["owner", "co-owner", "developer", "viewer", "stranger"].map((prefix) => createTestUser(prefix)),
  );
  team = { owner: owner!, coOwner: coOwner!, developer: developer!, viewer: viewer!, stranger: stranger! };
});

// A fresh app per case, so no case depends on what another one changed.
async function prepareCase(caller: Caller): Promise<CaseContext> {
  const appId = await createTestApp(team.owner, [
    { actor: team.coOwner, role: "OWNER" },
    { actor: team.developer, role: "DEVELOPER" },
    { actor: team.viewer, role: "VIEWER" },
  ]);
  const actors: Record<Caller, Actor> = { OWNER: team.owner, DEVELOPER: team.developer, VIEWER: team.viewer, NON_MEMBER: team.stranger };

  return { appId, actor: actors[caller], owner: team.owner, coOwner: team.coOwner, viewer: team.viewer };
}

async function countEntriesBy(appId: string, action: AuditAction, actor: Actor): Promise<number> {
  return (await readAuditEvents(appId, action)).filter((entry) => entry.actorUserId === actor.id).length;
}

const CASES = OPERATIONS.flatMap((operation) => CALLERS.map((caller) => ({ ...operation, caller })));

describe("permission matrix", () => {
  it.each(CASES)("$name as $caller", async (operation) => {
    const context = await prepareCase(operation.caller);
    const outcome = operation.run(context);

    if (operation.caller === "NON_MEMBER") {
      await expect(outcome).rejects.toMatchObject({ code: "not_found" });
    } else if (operation.allowed.includes(operation.caller)) {
      await expect(outcome).resolves.not.toThrow();
    } else {
      await expect(outcome).rejects.toMatchObject({ code: "forbidden" });
    }

    if (operation.audit) {
      const allowed = operation.caller !== "NON_MEMBER" && operation.allowed.includes(operation.caller);
      expect(await countEntriesBy(context.appId, operation.audit, context.actor)).toBe(allowed ? 1 : 0);
    }
  });

  it("covers every action of the matrix", () => {
    const covered = new Set<AppAction>([...OPERATIONS.map((operation) => operation.action), "token.inspect"]);

    expect([...covered].sort()).toEqual([...APP_ACTIONS].sort());
  });
});

describe("inspectToken by role", () => {
  it.each(CALLERS)("verdict as %s", async (caller) => {
    const context = await prepareCase(caller);
    const keyId = await ownerKey(context);
    const signed = await signWithKey({ appId: context.appId, keyId, request: { identity: "alice", device: "web1", grants: { chat: true }, ttl: 600 } });

    const result = await inspectToken({ actor: context.actor, token: signed.token });

    // A non-member learns nothing about the key: it is unknown to them.
    expect(result.verdict).toBe(caller === "NON_MEMBER" ? "unknown-key" : "valid");
  });
});
