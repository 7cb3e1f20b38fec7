import type { MemberRole } from "@/lib/generated/prisma/enums";

// Descriptions of the rights of each role, as the member forms show them.
export const ROLE_DESCRIPTIONS: Record<MemberRole, string> = {
  OWNER: "Owner: everything, including keys, members and settings",
  DEVELOPER: "Developer: mint and inspect test tokens, see key IDs",
  VIEWER: "Viewer: inspect tokens and read lists",
};

export function RoleOptions() {
  return (
    <>
      <option value="DEVELOPER">{ROLE_DESCRIPTIONS.DEVELOPER}</option>
      <option value="VIEWER">{ROLE_DESCRIPTIONS.VIEWER}</option>
      <option value="OWNER">{ROLE_DESCRIPTIONS.OWNER}</option>
    </>
  );
}
