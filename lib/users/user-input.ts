import { z } from "zod";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

export const emailSchema = z
  .string({ error: "email is required" })
  .trim()
  .min(1, { error: "email is required" })
  .max(254, { error: "email must be at most 254 characters" })
  .pipe(z.email({ error: "email is not a valid address, such as name@example.com" }));

export const newPasswordSchema = z
  .string({ error: "password is required" })
  .min(PASSWORD_MIN_LENGTH, { error: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `password must be at most ${PASSWORD_MAX_LENGTH} characters` });

export const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: z.string().trim().max(100, { error: "name must be at most 100 characters" }).optional(),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

// Sign-in checks shape only: a short password is just a wrong password, and
// the reply must not reveal which part was wrong.
export const signInSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
