import { CopyButton } from "@/components/copy-button";
import { LocalTime } from "@/components/local-time";
import type { ActionResult } from "@/lib/errors/action-result";
import type { KeyRestrictions } from "@/lib/keys/key-restrictions";
import type { KeyListEntry } from "@/lib/keys/list-keys-with-usage";
import type { RotatedApiKey } from "@/lib/keys/rotate-api-key";

import { EditRestrictionsButton } from "./edit-restrictions-button";
import { KeyStatusBadge } from "./key-status-badge";
import { RestrictionsSummary } from "./restrictions-summary";
import { RevokeKeyButton } from "./revoke-key-button";
import { RotateKeyButton } from "./rotate-key-button";

// The key-changing actions. An action is null for members who may not take
// it, which hides its buttons. The server checks the rights again.
export interface KeyTableActions {
  revoke: ((keyId: string) => Promise<ActionResult>) | null;
  rotate: ((keyId: string, overlapSeconds: number) => Promise<ActionResult<RotatedApiKey>>) | null;
  updateRestrictions: ((keyId: string, previous: ActionResult<KeyRestrictions>, form: FormData) => Promise<ActionResult<KeyRestrictions>>) | null;
}

// The app's keys with their status, usage and restrictions. `renderedAt` is
// the time the statuses were computed at, in milliseconds since the epoch.
export function KeyTable({ keys, actions, renderedAt }: { keys: KeyListEntry[]; actions: KeyTableActions; renderedAt: number }) {
  const hasActions = actions.revoke !== null || actions.rotate !== null || actions.updateRestrictions !== null;

  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">API keys of this app</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Key</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Usage</th>
            <th scope="col" className="px-4 py-2">Restrictions</th>
            {hasActions ? (
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <KeyRow key={key.id} apiKey={key} actions={hasActions ? actions : null} renderedAt={renderedAt} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KeyRow({ apiKey, actions, renderedAt }: { apiKey: KeyListEntry; actions: KeyTableActions | null; renderedAt: number }) {
  return (
    <tr id={`key-${apiKey.id}`} data-key-id={apiKey.id} className="align-top target:bg-amber-50">
      <td className="space-y-1 px-4 py-2">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{apiKey.label}</span>
          <KeyOrigin apiKey={apiKey} />
        </div>
        <div className="flex items-center gap-2">
          <code className="font-mono text-xs">{apiKey.id}</code>
          <CopyButton value={apiKey.id} label="Copy key ID" />
        </div>
        <div className="text-xs text-slate-500">
          Secret <span className="sr-only">ending in</span>{" "}
          <span className="font-mono">
            <span aria-hidden="true">••••</span>
            {apiKey.secretHint}
          </span>{" "}
          · created{" "}
          <LocalTime value={apiKey.createdAt} />
        </div>
      </td>
      <td className="px-4 py-2">
        {/* Keyed by render time, so after router.refresh() the badge starts
            from the new render instead of its own clock reading from before. */}
        <KeyStatusBadge key={renderedAt} status={apiKey.status} expiresAt={apiKey.expiresAt} renderedAt={renderedAt} />
      </td>
      <td className="whitespace-nowrap px-4 py-2 text-slate-600" data-testid="key-usage">
        {apiKey.lastUsedAt ? (
          <div>
            Last used
            <br />
            <LocalTime value={apiKey.lastUsedAt} />
          </div>
        ) : (
          <div>Never used</div>
        )}
        <div data-testid="key-tokens-24h">
          {apiKey.tokens24h} {apiKey.tokens24h === 1 ? "token" : "tokens"} in 24 h
        </div>
      </td>
      <td className="max-w-64 px-4 py-2 text-xs text-slate-700">
        <RestrictionsSummary restrictions={apiKey} testId="key-restrictions" stacked />
      </td>
      {actions ? (
        <td className="px-4 py-2">
          <KeyActions apiKey={apiKey} actions={actions} />
        </td>
      ) : null}
    </tr>
  );
}

// Badges for where the key came from: imported, or the successor of a
// rotated key, linked to that key's row.
function KeyOrigin({ apiKey }: { apiKey: KeyListEntry }) {
  if (!apiKey.imported && !apiKey.replacesKeyId) {
    return null;
  }

  return (
    <>
      {apiKey.imported ? (
        <span data-testid="key-imported" className="rounded-full bg-sky-50 px-2 py-0.5 text-xs font-semibold text-sky-700">
          Imported
        </span>
      ) : null}
      {apiKey.replacesKeyId ? (
        <a href={`#key-${apiKey.replacesKeyId}`} title={`Replaces key ${apiKey.replacesKeyId}`} className="text-xs font-medium text-indigo-600 hover:underline">
          replaces {apiKey.replacesKeyId.slice(0, 4)}…
        </a>
      ) : null}
    </>
  );
}

// Rotation is offered only for an active key, because an expiring key has a
// successor already. Revocation and restrictions stay available until the
// key stops working.
function KeyActions({ apiKey, actions }: { apiKey: KeyListEntry; actions: KeyTableActions }) {
  const usable = apiKey.effectiveStatus === "active" || apiKey.effectiveStatus === "expiring";
  if (!usable) {
    return null;
  }

  return (
    <div className="flex flex-col items-stretch gap-2 whitespace-nowrap">
      {actions.rotate && apiKey.effectiveStatus === "active" ? <RotateKeyButton keyId={apiKey.id} label={apiKey.label} action={actions.rotate} /> : null}
      {actions.updateRestrictions ? (
        <EditRestrictionsButton
          keyId={apiKey.id}
          label={apiKey.label}
          restrictions={{ allowedGrants: apiKey.allowedGrants, maxTtlSeconds: apiKey.maxTtlSeconds, allowedOrigins: apiKey.allowedOrigins }}
          action={actions.updateRestrictions}
        />
      ) : null}
      {actions.revoke ? <RevokeKeyButton keyId={apiKey.id} label={apiKey.label} expiresAt={apiKey.expiresAt} action={actions.revoke} /> : null}
    </div>
  );
}
