import "server-only";

import { createHash, randomBytes } from "node:crypto";

// An invitation link works for 7 days.
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const TOKEN_BYTES = 32;
// 32 bytes in base64url without padding are 43 characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const INVITE_PATH_PATTERN = /^\/invite\/([A-Za-z0-9_-]{43})$/;

// A new random invitation token. Only its hash is stored, so a copy of the
// database cannot be used to join an app.
export function generateInvitationToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isInvitationTokenShape(token: unknown): token is string {
  return typeof token === "string" && TOKEN_PATTERN.test(token);
}

// Returns the token of an `/invite/<token>` path, such as the callback URL
// of a sign-up that started from an invitation link, or null.
export function invitationTokenFromPath(path: string): string | null {
  return INVITE_PATH_PATTERN.exec(path)?.[1] ?? null;
}
