import { CopyButton } from "@/components/copy-button";
import { LocalTime } from "@/components/local-time";
import type { ActionResult } from "@/lib/errors/action-result";
import type { ApiKeySummary } from "@/lib/keys/list-api-keys";

import { RevokeKeyButton } from "./revoke-key-button";

type RevokeKeyAction = (keyId: string) => Promise<ActionResult>;

// The app's keys. `revokeAction` is null for members who may not revoke, and
// then no Revoke buttons are shown.
export function KeyTable({ keys, revokeAction }: { keys: ApiKeySummary[]; revokeAction: RevokeKeyAction | null }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">API keys of this app</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Key ID</th>
            <th scope="col" className="px-4 py-2">Label</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Created</th>
            <th scope="col" className="px-4 py-2">Secret</th>
            {revokeAction ? (
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <KeyRow key={key.id} apiKey={key} revokeAction={revokeAction} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KeyRow({ apiKey, revokeAction }: { apiKey: ApiKeySummary; revokeAction: RevokeKeyAction | null }) {
  const active = apiKey.status === "ACTIVE";

  return (
    <tr data-key-id={apiKey.id}>
      <td className="px-4 py-2">
        <div className="flex items-center gap-2">
          <code className="font-mono text-xs">{apiKey.id}</code>
          <CopyButton value={apiKey.id} label="Copy key ID" />
        </div>
      </td>
      <td className="px-4 py-2">{apiKey.label}</td>
      <td className="px-4 py-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${active ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-600"}`}>
          {active ? "Active" : "Revoked"}
        </span>
      </td>
      <td className="whitespace-nowrap px-4 py-2 text-slate-600">
        <LocalTime value={apiKey.createdAt} />
      </td>
      <td className="px-4 py-2 font-mono text-xs text-slate-600" aria-label={`secret ending in ${apiKey.secretHint}`}>
        ••••{apiKey.secretHint}
      </td>
      {revokeAction ? (
        <td className="px-4 py-2 text-right">{active ? <RevokeKeyButton keyId={apiKey.id} label={apiKey.label} action={revokeAction} /> : null}</td>
      ) : null}
    </tr>
  );
}
