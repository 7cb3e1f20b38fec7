"use client";

import { useRouter } from "next/navigation";

import { CodeSnippet } from "@/components/code-snippet";
import { CopyButton } from "@/components/copy-button";
import { formatLocalAndUtc } from "@/components/local-time";
import { Button } from "@/components/ui/button";
import { handOverToken } from "@/components/inspect/inspect-token-storage";
import type { SignedToken } from "@/lib/mint/sign-with-key";
import { buildDemoCurlCommand } from "@/lib/snippets/build-demo-curl-command";
import { buildNodeSigningSnippet } from "@/lib/snippets/build-node-signing-snippet";

import { ExpiryCountdown } from "./expiry-countdown";

// The token the server just signed, its claims and two ways to get the same
// kind of token outside the console.
export function MintedTokenPanel({ signed, demoUrl }: { signed: SignedToken; demoUrl: string }) {
  const router = useRouter();
  const { claims } = signed;
  const { identity, device } = splitSubject(claims.sub);

  function openInInspector() {
    // Handed over through sessionStorage, never the URL, so the token stays
    // out of browser history, server logs and Referer headers.
    handOverToken(signed.token);
    router.push("/inspect");
  }

  return (
    <section aria-label="Minted token" className="space-y-5">
      <div className="space-y-2">
        <div className="flex items-center justify-between gap-3">
          <h3 className="font-semibold">Token</h3>
          <div className="flex items-center gap-2">
            <CopyButton value={signed.token} label="Copy token" />
            <Button type="button" variant="secondary" onClick={openInInspector}>
              Inspect this token
            </Button>
          </div>
        </div>
        <code data-testid="minted-token" className="block break-all rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
          {signed.token}
        </code>
        {claims.exp !== undefined ? <ExpiryCountdown exp={claims.exp} /> : null}
      </div>

      <div className="space-y-2">
        <h3 className="font-semibold">Claims</h3>
        <table className="min-w-full divide-y divide-slate-200 rounded-lg bg-white text-sm ring-1 ring-slate-200">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">Claim</th>
              <th scope="col" className="px-3 py-2">Value</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {Object.entries(claims).map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="px-3 py-2 text-left font-mono font-medium">
                  {name}
                </th>
                <td className="px-3 py-2">
                  <ClaimValue name={name} value={value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <CodeSnippet
        label="Get the same kind of token over HTTP (when the demo endpoint is on)"
        code={buildDemoCurlCommand({ url: demoUrl, identity, device })}
        testId="mint-curl"
        copyLabel="Copy curl command"
      />
      <CodeSnippet
        label="Sign the same claims on your app server (Node.js, with the key from your .env)"
        code={buildNodeSigningSnippet(claims)}
        testId="mint-node-snippet"
        copyLabel="Copy Node.js code"
      />
    </section>
  );
}

function ClaimValue({ name, value }: { name: string; value: unknown }) {
  if ((name === "iat" || name === "exp") && typeof value === "number") {
    const time = formatLocalAndUtc(value);
    return (
      <div className="space-y-0.5">
        <code className="font-mono">{value}</code>
        {time ? (
          <p className="text-xs text-slate-600">
            {time.local} (local) · {time.utc}
          </p>
        ) : null}
      </div>
    );
  }

  return <code className="break-all font-mono">{typeof value === "string" ? value : JSON.stringify(value)}</code>;
}

// Identity and device never contain '/', so the first one splits sub.
function splitSubject(sub: string | undefined): { identity: string; device: string } {
  const separator = sub?.indexOf("/") ?? -1;
  if (sub === undefined || separator < 0) {
    return { identity: "bob1", device: "web1" };
  }

  return { identity: sub.slice(0, separator), device: sub.slice(separator + 1) };
}
