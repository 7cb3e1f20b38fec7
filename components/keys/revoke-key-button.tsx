"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { ActionResult } from "@/lib/errors/action-result";

type RevokeKeyAction = (keyId: string) => Promise<ActionResult>;

// Revokes a key after an explicit confirmation, because a revocation cannot
// be undone and breaks every token the key signed.
export function RevokeKeyButton({ keyId, label, action }: { keyId: string; label: string; action: RevokeKeyAction }) {
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
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-3">
            <Button type="button" variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button type="button" variant="danger" onClick={revoke} disabled={pending}>
              {pending ? "Revoking…" : "Revoke key"}
            </Button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
