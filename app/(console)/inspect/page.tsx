import type { Metadata } from "next";

import { TokenInspector } from "@/components/inspect/token-inspector";
import { requireUserForPage } from "@/lib/auth/current-user";

import { verifyTokenAction } from "./actions";

export const metadata: Metadata = { title: "Inspect a token" };

export default async function InspectPage() {
  await requireUserForPage("/inspect");

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Inspect a token</h1>
        <p className="text-sm text-slate-600">
          Paste a Bit6 access token to read its claims. Decoding happens in your browser; only the signature check sends the token to this console,
          which verifies it against the keys of the apps you are a member of.
        </p>
      </div>
      <TokenInspector verifyAction={verifyTokenAction} />
    </div>
  );
}
