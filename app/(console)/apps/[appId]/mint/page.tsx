import type { Metadata } from "next";
import Link from "next/link";

import { MintTokenForm } from "@/components/mint/mint-token-form";
import { getRequestOrigin } from "@/lib/http/request-origin";
import { isKeyUsable } from "@/lib/keys/key-status";
import { listApiKeys } from "@/lib/keys/list-api-keys";
import { roleAllows } from "@/lib/permissions/permissions";
import { requireAppForPage } from "@/lib/permissions/require-app-for-page";

import { mintTokenAction } from "./actions";

export const metadata: Metadata = { title: "Mint token" };

export default async function MintPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const { actor, role } = await requireAppForPage({ appId, path: `/apps/${appId}/mint` });
  const keys = await listApiKeys({ actor, appId });
  // Keys in a rotation's overlap still sign, so they stay selectable.
  const now = new Date();
  const activeKeys = keys
    .filter((key) => isKeyUsable(key, now))
    .map((key) => ({
      id: key.id,
      label: key.label,
      expiring: key.expiresAt !== null,
      restrictions: { allowedGrants: key.allowedGrants, maxTtlSeconds: key.maxTtlSeconds, allowedOrigins: key.allowedOrigins },
    }));
  const origin = await getRequestOrigin();

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h2 className="text-lg font-semibold">Mint a test token</h2>
        <p className="text-sm text-slate-600">
          Sign a client token with one of this app&apos;s keys, to try a Bit6 SDK before your own app server issues tokens.
        </p>
      </div>

      {!roleAllows(role, "token.mint") ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
          Your role ({role.toLowerCase()}) cannot mint tokens. Ask an app owner for the developer role.
        </p>
      ) : activeKeys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600" data-testid="mint-no-keys">
          This app has no active key to sign with.{" "}
          <Link href={`/apps/${appId}/keys`} className="font-semibold text-indigo-600">
            Create a key
          </Link>{" "}
          first.
        </p>
      ) : (
        <MintTokenForm action={mintTokenAction.bind(null, appId)} keys={activeKeys} demoUrl={`${origin}/api/demo/${appId}/token`} />
      )}
    </div>
  );
}
