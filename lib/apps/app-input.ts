import { z } from "zod";

export const appNameSchema = z
  .string({ error: "name is required" })
  .trim()
  .min(1, { error: "name is required" })
  .max(80, { error: "name must be at most 80 characters" })
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { error: "name must not contain control characters" });

export const createAppSchema = z.object({ name: appNameSchema });

export const AUDIT_RETENTION_MIN_DAYS = 1;
export const AUDIT_RETENTION_MAX_DAYS = 3650;

const retentionMessage = `audit retention must be a whole number of days from ${AUDIT_RETENTION_MIN_DAYS} to ${AUDIT_RETENTION_MAX_DAYS}`;

// Form fields arrive as text, so the retention may be "90" as well as 90.
export const auditRetentionDaysSchema = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
  z
    .number({ error: retentionMessage })
    .int({ error: retentionMessage })
    .min(AUDIT_RETENTION_MIN_DAYS, { error: retentionMessage })
    .max(AUDIT_RETENTION_MAX_DAYS, { error: retentionMessage }),
);

export const appSettingsSchema = z.object({ name: appNameSchema, auditRetentionDays: auditRetentionDaysSchema });
