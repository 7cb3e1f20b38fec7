import type { KeyStatus } from "@/lib/generated/prisma/enums";

export type EffectiveKeyStatus = "active" | "expiring" | "revoked" | "expired";

export interface KeyLifecycle {
  status: KeyStatus;
  expiresAt: Date | null;
}

// The status a key has at `now`. A key past its expiresAt (the end of a
// rotation's overlap window) is treated like a revoked key everywhere. The
// check runs at every use, so no background job has to flip the stored status.
export function effectiveKeyStatus(key: KeyLifecycle, now: Date = new Date()): EffectiveKeyStatus {
  if (key.status === "REVOKED") {
    return "revoked";
  }

  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) {
    return "expired";
  }

  return key.expiresAt ? "expiring" : "active";
}

// True when the key may sign and verify at `now`.
export function isKeyUsable(key: KeyLifecycle, now: Date = new Date()): boolean {
  const status = effectiveKeyStatus(key, now);
  return status === "active" || status === "expiring";
}
