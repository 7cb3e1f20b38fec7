"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Modal } from "@/components/ui/modal";
import type { ActionResult } from "@/lib/errors/action-result";
import type { RotatedApiKey } from "@/lib/keys/rotate-api-key";
import {
  CUSTOM_OVERLAP,
  latestOverlapEnd,
  resolveOverlapSeconds,
  toDateTimeLocalValue,
  type OverlapChoice,
} from "@/lib/keys/rotation-overlap";

import { NewKeyDialog } from "./new-key-dialog";

type RotateKeyAction = (keyId: string, overlapSeconds: number) => Promise<ActionResult<RotatedApiKey>>;

const OVERLAP_OPTIONS: { value: OverlapChoice; label: string }[] = [
  { value: "now", label: "Now" },
  { value: "1h", label: "1 hour" },
  { value: "24h", label: "24 hours" },
  { value: "7d", label: "7 days" },
  { value: CUSTOM_OVERLAP, label: "Custom" },
];

// Rotates a key after the person picks how long the old key keeps working,
// then shows the successor's secret once. The confirm button is disabled
// while a rotation is in flight, and a click that arrives before the button
// re-renders is dropped too. The server rejects a second rotation anyway.
export function RotateKeyButton({ keyId, label, action }: { keyId: string; label: string; action: RotateKeyAction }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [rotated, setRotated] = useState<{ key: RotatedApiKey; immediate: boolean } | null>(null);

  function finish() {
    // The secret leaves state here, and only now does the list reload: the
    // reload removes this button from the old key's row.
    setRotated(null);
    router.refresh();
  }

  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} title={`Rotate key ${label}`}>
        Rotate
      </Button>

      {open ? (
        <RotateKeyDialog
          keyId={keyId}
          label={label}
          action={action}
          onCancel={() => setOpen(false)}
          onRotated={(key, immediate) => {
            setOpen(false);
            setRotated({ key, immediate });
          }}
        />
      ) : null}

      {rotated ? (
        <NewKeyDialog
          created={rotated.key}
          replaced={{ keyId: rotated.key.replacedKeyId, expiresAt: rotated.immediate ? null : rotated.key.oldKeyExpiresAt }}
          onDone={finish}
        />
      ) : null}
    </>
  );
}

function RotateKeyDialog({
  keyId,
  label,
  action,
  onCancel,
  onRotated,
}: {
  keyId: string;
  label: string;
  action: RotateKeyAction;
  onCancel: () => void;
  onRotated: (key: RotatedApiKey, immediate: boolean) => void;
}) {
  const [choice, setChoice] = useState<OverlapChoice>("24h");
  const [customEnd, setCustomEnd] = useState("");
  const [customError, setCustomError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const inFlight = useRef(false);
  const [bounds] = useState(() => ({ min: toDateTimeLocalValue(new Date()), max: toDateTimeLocalValue(latestOverlapEnd()) }));
  const customId = useId();

  function cancel() {
    if (!pending) {
      onCancel();
    }
  }

  function rotate() {
    if (inFlight.current) {
      return;
    }

    const overlap = resolveOverlapSeconds(choice, customEnd);
    if (!overlap.ok) {
      setCustomError(overlap.message);
      return;
    }
    setCustomError(null);
    setError(null);
    inFlight.current = true;

    startTransition(async () => {
      try {
        const result = await action(keyId, overlap.seconds);
        if (result.status === "success") {
          onRotated(result.data, overlap.seconds === 0);
        } else if (result.status === "error") {
          setError(result.message);
        }
      } catch {
        setError("the console could not be reached. Check your connection and try again.");
      } finally {
        inFlight.current = false;
      }
    });
  }

  return (
    <Modal title="Rotate key" onEscape={cancel}>
      <p className="text-sm text-slate-600">
        Rotating <strong>{label}</strong> (<code className="font-mono text-xs">{keyId}</code>) creates a new key with the same label and restrictions.
        The old key keeps signing and verifying tokens during the overlap, so your app servers can switch to the new secret without downtime.
      </p>

      <fieldset className="space-y-2" aria-describedby={customError ? `${customId}-error` : undefined}>
        <legend className="text-sm font-medium text-slate-700">Old key stops working</legend>
        <div className="flex flex-wrap gap-4">
          {OVERLAP_OPTIONS.map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="overlap"
                value={option.value}
                checked={choice === option.value}
                onChange={() => {
                  setChoice(option.value);
                  setCustomError(null);
                }}
                disabled={pending}
                className="h-4 w-4"
              />
              {option.label}
            </label>
          ))}
        </div>

        {choice === CUSTOM_OVERLAP ? (
          <div className="space-y-1">
            <label htmlFor={customId} className="block text-sm font-medium text-slate-700">
              Old key&apos;s end
            </label>
            <input
              id={customId}
              type="datetime-local"
              value={customEnd}
              min={bounds.min}
              max={bounds.max}
              onChange={(event) => {
                setCustomEnd(event.target.value);
                setCustomError(null);
              }}
              disabled={pending}
              aria-invalid={customError ? true : undefined}
              aria-describedby={customError ? `${customId}-error ${customId}-hint` : `${customId}-hint`}
              className={`block rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-indigo-600 ${customError ? "ring-red-400" : "ring-slate-300"}`}
            />
            <p id={`${customId}-hint`} className="text-xs text-slate-500">
              In your local time, at most 30 days from now.
            </p>
          </div>
        ) : null}

        {customError ? (
          <p id={`${customId}-error`} role="alert" className="text-sm text-red-600">
            {customError}
          </p>
        ) : null}
      </fieldset>

      {error ? <ErrorAlert>{error}</ErrorAlert> : null}

      <DialogButtons onCancel={cancel} onConfirm={rotate} pending={pending} confirmLabel="Rotate key" pendingLabel="Rotating…" />
    </Modal>
  );
}
