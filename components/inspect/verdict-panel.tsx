import type { TokenVerdict } from "@/lib/inspect/summarize-verdict";

const VALID_CLASSES = "bg-emerald-50 text-emerald-800 ring-emerald-200";
const INVALID_CLASSES = "bg-red-50 text-red-800 ring-red-200";

// The server's verdict on the token, the only part of the page that is
// verified. The message names the key ID and app for a valid token.
export function VerdictPanel({ verdict }: { verdict: TokenVerdict }) {
  const valid = verdict.verdict === "valid";

  return (
    <div data-testid="verdict" data-verdict={verdict.verdict} role="status" className={`space-y-1 rounded-lg px-4 py-3 ring-1 ring-inset ${valid ? VALID_CLASSES : INVALID_CLASSES}`}>
      <p className="font-semibold">{verdict.label}</p>
      <p className="text-sm">{verdict.message}</p>
      {verdict.key ? (
        <p className="text-xs">
          Key ID <code className="font-mono">{verdict.key.id}</code> · app {verdict.key.appName}
        </p>
      ) : null}
      {verdict.warnings.length > 0 ? (
        <ul className="list-inside list-disc text-xs">
          {verdict.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
