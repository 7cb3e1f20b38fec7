"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { FormMessage } from "@/components/ui/form-message";
import { Modal } from "@/components/ui/modal";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors/action-result";
import { IMPORTED_SECRET_MIN_BYTES } from "@/lib/keys/key-input";

interface ImportedKey {
  keyId: string;
  label: string;
}

type ImportKeyAction = (previous: ActionResult<ImportedKey>, form: FormData) => Promise<ActionResult<ImportedKey>>;

const IDLE: ActionResult<ImportedKey> = { status: "idle" };
const FORM_FIELDS = ["label", "keyId", "secret"];

// Imports a key ID and secret that app servers already use. The secret goes
// to the server once and is never shown again: the form is unmounted after a
// successful import, which drops the typed secret from memory, and the page
// confirms only the label and key ID.
export function ImportKeyButton({ action }: { action: ImportKeyAction }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [imported, setImported] = useState<ImportedKey | null>(null);

  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          setImported(null);
          setOpen(true);
        }}
      >
        Import key
      </Button>

      {imported ? (
        <p role="status" data-testid="import-done" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          Imported key <strong>{imported.label}</strong> (<code className="font-mono text-xs">{imported.keyId}</code>). Its secret is stored encrypted
          and is not shown again.
        </p>
      ) : null}

      {open ? (
        <ImportKeyForm
          action={action}
          onClose={() => setOpen(false)}
          onImported={(key) => {
            setOpen(false);
            setImported(key);
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}

function ImportKeyForm({ action, onClose, onImported }: { action: ImportKeyAction; onClose: () => void; onImported: (key: ImportedKey) => void }) {
  const [result, formAction, pending] = useActionState(async (previous: ActionResult<ImportedKey>, form: FormData) => {
    const next = await action(previous, form);
    if (next.status === "success") {
      onImported(next.data);
    }
    return next;
  }, IDLE);
  // Controlled, so the typed values survive an error.
  const [label, setLabel] = useState("");
  const [keyId, setKeyId] = useState("");
  const [secret, setSecret] = useState("");
  const errors = result.status === "error" ? result.fieldErrors : [];

  return (
    <Modal title="Import key" onEscape={pending ? undefined : onClose}>
      <p className="text-sm text-slate-600">
        Bring in a key that your app servers already sign tokens with, so the console can mint and verify with it too. Its secret is stored encrypted
        and is never shown again, not even now.
      </p>

      <form onSubmit={submitWithoutReset(formAction)} className="space-y-4" noValidate>
        <TextField
          label="Label"
          name="label"
          id="import-label"
          placeholder="production server"
          maxLength={80}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          disabled={pending}
          errors={errors}
        />
        <TextField
          label="Key ID"
          name="keyId"
          id="import-key-id"
          placeholder="b234fdb83571400f9b62e204d735126e"
          autoComplete="off"
          spellCheck={false}
          value={keyId}
          onChange={(event) => setKeyId(event.target.value)}
          disabled={pending}
          errors={errors}
          hint="32 lowercase hex characters, the iss claim of the tokens it signs."
          className="font-mono"
        />
        <TextField
          label="Secret"
          name="secret"
          id="import-secret"
          type="password"
          autoComplete="off"
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
          disabled={pending}
          errors={errors}
          hint={`Exactly as your app servers use it; at least ${IMPORTED_SECRET_MIN_BYTES} bytes, and 32 or more is recommended.`}
        />

        <FormMessage result={result} fields={FORM_FIELDS} />

        <DialogButtons onCancel={onClose} pending={pending} confirmLabel="Import key" pendingLabel="Importing…" />
      </form>
    </Modal>
  );
}
