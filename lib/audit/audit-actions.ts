// Every action the audit log records. Tests and the audit page filter on
// these exact names.
export const AUDIT_ACTIONS = [
  "key.created",
  "key.imported",
  "key.rotated",
  "key.revoked",
  "key.restrictions_updated",
  "token.minted",
  "token.api_minted",
  "token.demo_minted",
  "token.api_verified",
  "api.auth_failed",
  "demo.configured",
  "app.created",
  "app.settings_updated",
  "member.added",
  "member.role_changed",
  "member.removed",
  "invitation.created",
  "invitation.accepted",
  "invitation.revoked",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
