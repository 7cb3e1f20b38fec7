"use client";

import { useId, useState } from "react";

import { CodeSnippet } from "@/components/code-snippet";
import { CopyButton } from "@/components/copy-button";
import { LocalTime } from "@/components/local-time";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { CreatedApiKey } from "@/lib/keys/create-api-key";

// Shows a new key's secret the one time it leaves the server. Escape and
// backdrop clicks are ignored, and Done stays disabled until the person
// confirms they saved the secret, because it cannot be shown again.
// `replaced` names the key a rotation replaced and when it stops working,
// with a null end when it stopped at once.
export function NewKeyDialog({
  created,
  onDone,
  replaced,
}: {
  created: CreatedApiKey;
  onDone: () => void;
  replaced?: { keyId: string; expiresAt: Date | null };
}) {
  const [saved, setSaved] = useState(false);
  const checkboxId = useId();
  const envSnippet = `BIT6_KEY_ID=${created.keyId}\nBIT6_KEY_SECRET=${created.secret}`;

  return (
    <Modal title="Save your secret key">
      <p className="text-sm text-slate-600">
        Key <strong>{created.label}</strong> was created. Its secret is shown only this once: copy it now and store it where your app server reads its
        configuration. If you lose it, revoke the key and create a new one.
      </p>
      {replaced ? (
        <p data-testid="replaced-key-note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          It replaces key <code className="font-mono text-xs">{replaced.keyId}</code>,{" "}
          {replaced.expiresAt ? (
            <>
              which keeps signing and verifying tokens until <LocalTime value={replaced.expiresAt} />. Give your app servers the new secret before
              then.
            </>
          ) : (
            <>which stopped working now. Give your app servers the new secret at once.</>
          )}
        </p>
      ) : null}

      <dl className="space-y-3 text-sm">
        <div className="space-y-1">
          <dt className="font-medium text-slate-700">Key ID</dt>
          <dd className="flex items-center gap-2">
            <code data-testid="new-key-id" className="break-all font-mono">
              {created.keyId}
            </code>
            <CopyButton value={created.keyId} label="Copy key ID" />
          </dd>
        </div>
        <div className="space-y-1">
          <dt className="font-medium text-slate-700">Secret</dt>
          <dd className="flex items-center gap-2">
            <code data-testid="new-key-secret" className="break-all rounded bg-amber-50 px-1 font-mono ring-1 ring-amber-200">
              {created.secret}
            </code>
            <CopyButton value={created.secret} label="Copy secret" />
          </dd>
        </div>
      </dl>

      <CodeSnippet label=".env file" code={envSnippet} testId="env-snippet" copyLabel="Copy .env" />

      <div className="flex items-center justify-between gap-4 border-t border-slate-200 pt-4">
        <label htmlFor={checkboxId} className="flex items-center gap-2 text-sm font-medium">
          <input id={checkboxId} type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} className="h-4 w-4" />
          I have saved the secret
        </label>
        <Button type="button" disabled={!saved} onClick={onDone}>
          Done
        </Button>
      </div>
    </Modal>
  );
}
