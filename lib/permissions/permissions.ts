import type { MemberRole } from "@/lib/generated/prisma/enums";

// Every action a member can take on an app, and the roles allowed to take it.
// Pages, server actions and API routes all ask this table through
// authorizeAppAction, so a role's rights are written down once.
export const PERMISSIONS = {
  "app.read": ["OWNER", "DEVELOPER", "VIEWER"],
  "app.update": ["OWNER"],
  "key.list": ["OWNER", "DEVELOPER", "VIEWER"],
  "key.create": ["OWNER"],
  "key.revoke": ["OWNER"],
  "token.mint": ["OWNER", "DEVELOPER"],
  "token.inspect": ["OWNER", "DEVELOPER", "VIEWER"],
  "demo.read": ["OWNER", "DEVELOPER", "VIEWER"],
  "demo.configure": ["OWNER"],
  "member.manage": ["OWNER"],
} as const satisfies Record<string, readonly MemberRole[]>;

export type AppAction = keyof typeof PERMISSIONS;

export function roleAllows(role: MemberRole, action: AppAction): boolean {
  return (PERMISSIONS[action] as readonly MemberRole[]).includes(role);
}
