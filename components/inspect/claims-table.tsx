import { formatLocalAndUtc } from "@/components/local-time";
import type { JsonObject, TimeClaim } from "@/lib/tokens/decode-token";

const CLAIM_MEANINGS: Record<string, string> = {
  aud: "Audience: which Bit6 API and access level the token is for.",
  iss: "Issuer: the key ID of the API key that signed the token.",
  iat: "Issued at: when the token was signed.",
  nbf: "Not before: the token is not valid before this time.",
  exp: "Expires at: the token is not valid after this time.",
  sub: "Subject: the identity and device the token was issued to, as identity/device.",
  grants: "Grants: the Bit6 services the token allows.",
};

// Lists every claim of the payload with what it means to Bit6, and times in
// local time and UTC.
export function ClaimsTable({ payload, timeClaims }: { payload: JsonObject; timeClaims: TimeClaim[] }) {
  const entries = Object.entries(payload);
  if (entries.length === 0) {
    return <p className="text-sm text-slate-600">The payload has no claims.</p>;
  }

  return (
    <table className="min-w-full divide-y divide-slate-200 rounded-lg bg-white text-sm ring-1 ring-slate-200">
      <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="px-3 py-2">Claim</th>
          <th scope="col" className="px-3 py-2">Value</th>
          <th scope="col" className="px-3 py-2">Meaning</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {entries.map(([name, value]) => (
          <tr key={name} data-claim={name}>
            <th scope="row" className="px-3 py-2 text-left align-top font-mono font-medium">
              {name}
            </th>
            <td className="px-3 py-2 align-top">
              <code className="break-all font-mono">{formatJsonValue(value)}</code>
              <TimeDetails claim={timeClaims.find((claim) => claim.name === name)} />
              {name === "sub" ? <SubjectDetails value={value} /> : null}
            </td>
            <td className="px-3 py-2 align-top text-slate-600">{CLAIM_MEANINGS[name] ?? "Not a Bit6 claim: Bit6 ignores it."}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TimeDetails({ claim }: { claim: TimeClaim | undefined }) {
  if (!claim) {
    return null;
  }
  if (claim.seconds === null) {
    return <p className="text-xs text-red-700">Not a number of seconds.</p>;
  }

  const time = formatLocalAndUtc(claim.seconds);
  return (
    <p className="text-xs text-slate-600">
      {time ? `${time.local} (local) · ${time.utc} · ` : "beyond the range of dates · "}
      {claim.time?.relative}
    </p>
  );
}

function SubjectDetails({ value }: { value: unknown }) {
  if (typeof value !== "string" || !value.includes("/")) {
    return null;
  }

  const separator = value.indexOf("/");
  return (
    <p className="text-xs text-slate-600">
      identity <code className="font-mono">{value.slice(0, separator)}</code>, device <code className="font-mono">{value.slice(separator + 1)}</code>
    </p>
  );
}

function formatJsonValue(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}
