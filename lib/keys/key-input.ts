import { z } from "zod";

export const keyLabelSchema = z
  .string({ error: "label is required" })
  .trim()
  .min(1, { error: "label is required, such as 'production server'" })
  .max(80, { error: "label must be at most 80 characters" })
  .refine((label) => !/[\u0000-\u001f\u007f]/.test(label), { error: "label must not contain control characters" });

export const createKeySchema = z.object({ label: keyLabelSchema });
