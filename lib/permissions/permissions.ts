import type { MemberRole } from "@/lib/generated/prisma/enums";

// Every action a member can take on an app, and the roles allowed to take it.
// Pages, server actions and API routes all ask this table through
// authorizeAppAction, so a role's rights are written down once.
//
// Owners manage everything. Developers mint test tokens and read key IDs and
// labels, but never see a secret or change a key. Viewers (QA, support) read
// lists and inspect tokens. The audit log is for owners only, because it
// contains the IP addresses and user agents of every member and API client.
export const PERMISSIONS = {
  "app.read": ["OWNER", "DEVELOPER", "VIEWER"],
  "settings.update": ["OWNER"],
  "key.list": ["OWNER", "DEVELOPER", "VIEWER"],
  // Creating, rotating, importing and restricting keys all need key.create.
  "key.create": ["OWNER"],
  "key.revoke": ["OWNER"],
  "token.mint": ["OWNER", "DEVELOPER"],
  "token.inspect": ["OWNER", "DEVELOPER", "VIEWER"],
  "demo.read": ["OWNER", "DEVELOPER", "VIEWER"],
  "demo.configure": ["OWNER"],
  "member.list": ["OWNER", "DEVELOPER", "VIEWER"],
  // Adding, inviting, changing roles and removing other members.
  "member.manage": ["OWNER"],
  // Removing yourself; the last owner still cannot leave.
  "member.leave": ["OWNER", "DEVELOPER", "VIEWER"],
  "audit.read": ["OWNER"],
} as const satisfies Record<string, readonly MemberRole[]>;

export type AppAction = keyof typeof PERMISSIONS;

export const APP_ACTIONS = Object.keys(PERMISSIONS) as AppAction[];

export function roleAllows(role: MemberRole, action: AppAction): boolean {
  return (PERMISSIONS[action] as readonly MemberRole[]).includes(role);
}
