import type { Metadata } from "next";
import type { ReactNode } from "react";

import { CodeSnippet } from "@/components/code-snippet";
import { buildTokenExamples, EXAMPLE_REQUEST, type TokenExample } from "@/lib/api-docs/build-token-examples";
import { requireUserForPage } from "@/lib/auth/current-user";
import { MAX_BODY_BYTES } from "@/lib/http/read-request-text";
import { getRequestOrigin } from "@/lib/http/request-origin";
import { RATE_LIMIT_SETTINGS } from "@/lib/rate-limit/rate-limit-rules";
import { TTL_DEFAULT_SECONDS, TTL_MAX_SECONDS, TTL_MIN_SECONDS } from "@/lib/tokens/token-rules";
import { VERDICT_CODES } from "@/lib/tokens/verify-token";

export const metadata: Metadata = { title: "Token API" };

const ERRORS: [status: string, code: string, when: string][] = [
  ["400", "invalid_input, invalid_json", "A field is invalid or the JSON does not parse. field names the field."],
  ["401", "unauthenticated", "Missing or malformed Basic auth, a wrong key ID or secret, or a revoked or expired key."],
  ["403", "forbidden", "The request goes beyond the key's allowed grants or maximum TTL, or the demo caller's origin is not allowed."],
  ["405", "method_not_allowed", "A method other than POST."],
  ["413", "payload_too_large", `The body is over ${MAX_BODY_BYTES / 1024} KiB.`],
  ["415", "unsupported_media_type", "The body is neither JSON nor a form."],
  ["429", "rate_limited", "Too many requests for the key or the client address. Retry-After gives the seconds to wait."],
];

export default async function ApiDocsPage() {
  await requireUserForPage("/api-docs");

  const origin = await getRequestOrigin();
  const examples = buildTokenExamples({ baseUrl: origin });
  const { identity, device, grants, ttl } = EXAMPLE_REQUEST;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Token API</h1>
        <p className="text-sm text-slate-600">
          App servers in any language can get Bit6 access tokens from this console over HTTP, with an API key of their app, instead of
          linking a JWT library. The machine-readable description is at{" "}
          <a className="font-medium text-slate-900 underline" href="/api/v2/openapi.json">
            /api/v2/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </div>

      <DocSection id="endpoints" title="Endpoints">
        <p className="text-sm text-slate-600">
          Authenticate with HTTP Basic auth: the key ID as user name and the key&apos;s secret as password. Send the body as JSON or as a form, at
          most {MAX_BODY_BYTES / 1024} KiB.
        </p>
        <dl className="space-y-3 text-sm">
          <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
            <dt className="font-mono font-semibold">POST {origin}/api/v2/tokens</dt>
            <dd className="mt-1 text-slate-600">
              Fields identity, device, grants (a list such as <code>chat,video</code> or an object such as <code>{'{"chat": true}'}</code>) and ttl
              in seconds, from {TTL_MIN_SECONDS} to {TTL_MAX_SECONDS}, {TTL_DEFAULT_SECONDS} when left out. Returns 201 with{" "}
              <code>{"{token, expiresAt, claims}"}</code>. The key&apos;s restrictions apply.
            </dd>
          </div>
          <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
            <dt className="font-mono font-semibold">POST {origin}/api/v2/tokens/verify</dt>
            <dd className="mt-1 text-slate-600">
              Field token. Returns 200 with <code>{"{verdict, message, claims, header, key}"}</code>, where verdict is one of{" "}
              {VERDICT_CODES.join(", ")}. Only tokens of the key&apos;s own app can be valid; another app&apos;s token is unknown-key.
            </dd>
          </div>
        </dl>
      </DocSection>

      <DocSection id="errors" title="Errors">
        <p className="text-sm text-slate-600">
          Errors are <code>application/problem+json</code> (RFC 9457): <code>code</code> is stable to branch on, <code>detail</code> says what to
          fix, and <code>field</code> names the field at fault.
        </p>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 pr-4 font-medium">Status</th>
              <th className="py-1 pr-4 font-medium">Code</th>
              <th className="py-1 font-medium">When</th>
            </tr>
          </thead>
          <tbody>
            {ERRORS.map(([status, code, when]) => (
              <tr key={status} className="border-t border-slate-200 align-top">
                <td className="py-2 pr-4 font-mono">{status}</td>
                <td className="py-2 pr-4 font-mono">{code}</td>
                <td className="py-2 text-slate-600">{when}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-sm text-slate-600">
          Rate limits count per key and per client address ({RATE_LIMIT_SETTINGS.apiPerKey.variable} and {RATE_LIMIT_SETTINGS.apiPerIp.variable} set
          them).
        </p>
      </DocSection>

      <ExampleSection
        id="with-api"
        title="Mint a token with the API"
        intro={`Each example asks for a token for identity ${identity} on device ${device} with ${grants.join(" and ")}, valid for ${ttl} seconds. Set BIT6_KEY_ID and BIT6_KEY_SECRET in the environment first.`}
        examples={examples.filter((example) => example.mode === "api")}
      />
      <ExampleSection
        id="without-api"
        title="Mint the same token without the API"
        intro="App servers can also build the HS256 token themselves, with no call to the console. These examples write the claims in the order the console uses, so the tokens match its tokens byte for byte for the same issue time."
        examples={examples.filter((example) => example.mode === "local")}
      />
    </div>
  );
}

function DocSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function ExampleSection({ id, title, intro, examples }: { id: string; title: string; intro: string; examples: TokenExample[] }) {
  return (
    <DocSection id={id} title={title}>
      <p className="text-sm text-slate-600">{intro}</p>
      {examples.map((example) => (
        <CodeSnippet key={`${example.mode}-${example.language}`} label={example.label} code={example.code} testId={`example-${example.mode}-${example.language}`} />
      ))}
    </DocSection>
  );
}
