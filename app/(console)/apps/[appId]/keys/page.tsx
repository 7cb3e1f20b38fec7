import type { Metadata } from "next";

import { CreateKeyPanel } from "@/components/keys/create-key-panel";
import { ImportKeyButton } from "@/components/keys/import-key-button";
import { KeyTable } from "@/components/keys/key-table";
import { listKeysWithUsage } from "@/lib/keys/list-keys-with-usage";
import { roleAllows } from "@/lib/permissions/permissions";
import { requireAppForPage } from "@/lib/permissions/require-app-for-page";

import { createKeyAction, importKeyAction, revokeKeyAction, rotateKeyAction, updateRestrictionsAction } from "./actions";

export const metadata: Metadata = { title: "Keys" };

export default async function KeysPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const { actor, role } = await requireAppForPage({ appId, path: `/apps/${appId}/keys` });
  const renderedAt = new Date();
  const keys = await listKeysWithUsage({ actor, appId, now: renderedAt });

  // The server checks these rights again; hiding the controls only spares
  // members a form that would be rejected.
  const canCreate = roleAllows(role, "key.create");
  const canRevoke = roleAllows(role, "key.revoke");

  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">API keys</h2>
        <p className="text-sm text-slate-600">
          A key signs access tokens for this app. Its key ID goes into each token as the issuer (iss), and its secret stays on your app server.
        </p>
        {canCreate ? (
          <div className="flex flex-wrap items-start justify-between gap-4">
            <CreateKeyPanel action={createKeyAction.bind(null, appId)} />
            <ImportKeyButton action={importKeyAction.bind(null, appId)} />
          </div>
        ) : null}
      </section>

      {keys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600" data-testid="keys-empty">
          This app has no API keys yet.{" "}
          {canCreate ? "Create one above to sign tokens." : "Ask an app owner to create one."}
        </p>
      ) : (
        <KeyTable
          keys={keys}
          renderedAt={renderedAt.getTime()}
          actions={{
            revoke: canRevoke ? revokeKeyAction.bind(null, appId) : null,
            rotate: canCreate ? rotateKeyAction.bind(null, appId) : null,
            updateRestrictions: canCreate ? updateRestrictionsAction.bind(null, appId) : null,
          }}
        />
      )}
    </div>
  );
}
