"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { LocalTime } from "@/components/local-time";
import { Button } from "@/components/ui/button";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Modal } from "@/components/ui/modal";
import type { ActionResult } from "@/lib/errors/action-result";

type RevokeKeyAction = (keyId: string) => Promise<ActionResult>;

// Revokes a key after an explicit confirmation, because a revocation cannot
// be undone and breaks every token the key signed. `expiresAt` is the end of
// a rotation's overlap, which a revocation brings forward to now.
export function RevokeKeyButton({ keyId, label, expiresAt = null, action }: { keyId: string; label: string; expiresAt?: Date | null; action: RevokeKeyAction }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function close() {
    if (!pending) {
      setOpen(false);
      setError(null);
    }
  }

  function revoke() {
    startTransition(async () => {
      let result: ActionResult;
      try {
        result = await action(keyId);
      } catch {
        setError("the console could not be reached. Check your connection and try again.");
        return;
      }

      if (result.status === "error") {
        setError(result.message);
        return;
      }
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} title={`Revoke key ${label}`}>
        Revoke
      </Button>

      {open ? (
        <Modal role="alertdialog" title="Revoke key?" onEscape={close}>
          <p className="text-sm text-slate-600">
            Key <strong>{label}</strong> (<code className="font-mono text-xs">{keyId}</code>) will stop working at once. Tokens it signed stop verifying,
            even those that have not expired, and it can no longer sign new ones. This cannot be undone.
          </p>
          {expiresAt ? (
            <p className="text-sm text-slate-600">
              The key was rotated and would have stopped working at <LocalTime value={expiresAt} />. Revoking it ends the overlap now.
            </p>
          ) : null}
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
          <DialogButtons onCancel={close} onConfirm={revoke} pending={pending} confirmLabel="Revoke key" pendingLabel="Revoking…" variant="danger" />
        </Modal>
      ) : null}
    </>
  );
}
