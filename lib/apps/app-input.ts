import { z } from "zod";

export const appNameSchema = z
  .string({ error: "name is required" })
  .trim()
  .min(1, { error: "name is required" })
  .max(80, { error: "name must be at most 80 characters" })
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { error: "name must not contain control characters" });

export const createAppSchema = z.object({ name: appNameSchema });
