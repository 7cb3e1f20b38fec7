"use client";

import { useRouter } from "next/navigation";

import { LocalTime } from "@/components/local-time";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionResult } from "@/lib/errors/action-result";

type RevokeKeyAction = (keyId: string) => Promise<ActionResult>;

// Revokes a key after an explicit confirmation, because a revocation cannot
// be undone and breaks every token the key signed. `expiresAt` is the end of
// a rotation's overlap, which a revocation brings forward to now. The key
// actions revalidate nothing, so the page is refreshed after a revocation.
export function RevokeKeyButton({ keyId, label, expiresAt = null, action }: { keyId: string; label: string; expiresAt?: Date | null; action: RevokeKeyAction }) {
  const router = useRouter();

  return (
    <ConfirmButton
      label="Revoke"
      triggerTitle={`Revoke key ${label}`}
      title="Revoke key?"
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      action={() => action(keyId)}
      onSuccess={() => router.refresh()}
    >
      <p>
        Key <strong>{label}</strong> (<code className="font-mono text-xs">{keyId}</code>) will stop working at once. Tokens it signed stop verifying,
        even those that have not expired, and it can no longer sign new ones. This cannot be undone.
      </p>
      {expiresAt ? (
        <p>
          The key was rotated and would have stopped working at <LocalTime value={expiresAt} />. Revoking it ends the overlap now.
        </p>
      ) : null}
    </ConfirmButton>
  );
}
