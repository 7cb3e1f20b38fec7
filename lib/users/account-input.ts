import { z } from "zod";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "current password is required" })
      .min(1, { error: "current password is required" })
      .max(PASSWORD_MAX_LENGTH, { error: "the current password is incorrect" }),
    newPassword: z
      .string({ error: "new password is required" })
      .min(PASSWORD_MIN_LENGTH, { error: `new password must be at least ${PASSWORD_MIN_LENGTH} characters` })
      .max(PASSWORD_MAX_LENGTH, { error: `new password must be at most ${PASSWORD_MAX_LENGTH} characters` }),
  })
  .refine((input) => input.currentPassword !== input.newPassword, {
    path: ["newPassword"],
    error: "new password must differ from the current password",
  });
