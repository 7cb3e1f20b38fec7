"use client";

import { unstable_rethrow } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Modal } from "@/components/ui/modal";
import type { ActionResult } from "@/lib/errors/action-result";

// A button that runs a server action only after the person confirms it in a
// dialog, for changes that cannot be undone. The action's error is shown in
// the dialog. On success the action's revalidation updates the page, or
// `onSuccess` does it for actions that revalidate nothing.
export function ConfirmButton({
  label,
  triggerTitle,
  title,
  confirmLabel,
  pendingLabel = confirmLabel,
  children,
  action,
  onSuccess,
}: {
  label: string;
  triggerTitle?: string;
  title: string;
  confirmLabel: string;
  pendingLabel?: string;
  children: ReactNode;
  action: () => Promise<ActionResult<unknown>>;
  onSuccess?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function close() {
    if (!pending) {
      setOpen(false);
      setError(null);
    }
  }

  function confirm() {
    setError(null);
    startTransition(async () => {
      let result: ActionResult<unknown>;
      try {
        result = await action();
      } catch (error) {
        // An action that redirects (leaving an app) rejects with Next.js's
        // redirect error, which the router must receive to navigate.
        unstable_rethrow(error);
        setError("the console could not be reached. Check your connection and try again.");
        return;
      }

      if (result.status === "error") {
        setError(result.message);
        return;
      }
      setOpen(false);
      onSuccess?.();
    });
  }

  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} title={triggerTitle}>
        {label}
      </Button>

      {open ? (
        <Modal role="alertdialog" title={title} onEscape={close}>
          <div className="space-y-4 text-sm text-slate-600">{children}</div>
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
          <DialogButtons onCancel={close} onConfirm={confirm} pending={pending} confirmLabel={confirmLabel} pendingLabel={pendingLabel} variant="danger" />
        </Modal>
      ) : null}
    </>
  );
}
