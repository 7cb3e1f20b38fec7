import { z } from "zod";

import { KNOWN_GRANTS } from "@/lib/tokens/grants";
import { TTL_MAX_SECONDS, TTL_MIN_SECONDS } from "@/lib/tokens/token-rules";

import { KEY_ID_PATTERN } from "./key-id-pattern";

export const keyLabelSchema = z
  .string({ error: "label is required" })
  .trim()
  .min(1, { error: "label is required, such as 'production server'" })
  .max(80, { error: "label must be at most 80 characters" })
  .refine((label) => !/[\u0000-\u001f\u007f]/.test(label), { error: "label must not contain control characters" });

export const createKeySchema = z.object({ label: keyLabelSchema });

// Imported secrets are used as HMAC keys exactly as given, so their strength
// is their length. RFC 7518 (section 3.2) requires at least the hash size
// (32 bytes), and anything under 16 bytes is rejected outright.
export const IMPORTED_SECRET_MIN_BYTES = 16;
export const IMPORTED_SECRET_MAX_BYTES = 512;

export const importKeySchema = z.object({
  label: keyLabelSchema,
  keyId: z
    .string({ error: "key ID is required" })
    .trim()
    .regex(KEY_ID_PATTERN, { error: "key ID must be 32 lowercase hex characters, such as b234fdb83571400f9b62e204d735126e" }),
  secret: z
    .string({ error: "secret is required" })
    .refine((secret) => Buffer.byteLength(secret, "utf8") >= IMPORTED_SECRET_MIN_BYTES, {
      error: `secret is too weak: it must be at least ${IMPORTED_SECRET_MIN_BYTES} bytes; make a new key instead of importing a short secret`,
    })
    .refine((secret) => Buffer.byteLength(secret, "utf8") <= IMPORTED_SECRET_MAX_BYTES, {
      error: `secret must be at most ${IMPORTED_SECRET_MAX_BYTES} bytes`,
    })
    .refine((secret) => !/[\s\u0000-\u001f\u007f]/.test(secret), {
      error: "secret must not contain spaces, line breaks or control characters: paste it exactly as your app servers use it",
    }),
});

const originSchema = z.string().trim().refine(isOrigin, {
  error: "each allowed origin must be a scheme and host with an optional port, such as https://app.example.com",
});

export const keyRestrictionsSchema = z.object({
  allowedGrants: z.array(z.enum(KNOWN_GRANTS, { error: `allowed grants must be chosen from ${KNOWN_GRANTS.join(", ")}` })),
  maxTtlSeconds: z
    .number({ error: "maximum ttl must be an integer number of seconds" })
    .int({ error: "maximum ttl must be an integer number of seconds" })
    .min(TTL_MIN_SECONDS, { error: `maximum ttl must be from ${TTL_MIN_SECONDS} to ${TTL_MAX_SECONDS} seconds` })
    .max(TTL_MAX_SECONDS, { error: `maximum ttl must be from ${TTL_MIN_SECONDS} to ${TTL_MAX_SECONDS} seconds` })
    .nullable(),
  allowedOrigins: z.array(originSchema).max(50, { error: "at most 50 allowed origins" }),
});

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}
