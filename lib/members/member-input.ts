import { z } from "zod";

import { emailSchema } from "@/lib/users/user-input";

export const MEMBER_ROLES = ["OWNER", "DEVELOPER", "VIEWER"] as const;

// Accepts "developer" as well as "DEVELOPER", because forms and the command
// line use lower-case role names.
export const memberRoleSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
  z.enum(MEMBER_ROLES, { error: "role must be owner, developer or viewer" }),
);

export const addMemberSchema = z.object({ email: emailSchema, role: memberRoleSchema });

export const changeMemberRoleSchema = z.object({ role: memberRoleSchema });
