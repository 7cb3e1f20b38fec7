"use client";

import { unstable_rethrow } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { ActionResult } from "@/lib/errors/action-result";

// A button that runs a server action only after the person confirms it in a
// dialog, for changes that cannot be undone. The action's error is shown in
// the dialog; on success the action's revalidation updates the page.
export function ConfirmButton({
  label,
  title,
  confirmLabel,
  children,
  action,
}: {
  label: string;
  title: string;
  confirmLabel: string;
  children: ReactNode;
  action: () => Promise<ActionResult<unknown>>;
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
    });
  }

  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {label}
      </Button>

      {open ? (
        <Modal role="alertdialog" title={title} onEscape={close}>
          <div className="text-sm text-slate-600">{children}</div>
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-3">
            <Button type="button" variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button type="button" variant="danger" onClick={confirm} disabled={pending}>
              {confirmLabel}
            </Button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
