import { LocalTime } from "@/components/local-time";
import type { AuditEntry } from "@/lib/audit/list-audit-events";

// One page of audit entries. Details are shown as recorded: summaries of
// claims and changed settings, which never contain a token or a secret.
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="w-full divide-y divide-slate-200 text-sm">
        <thead className="text-left text-slate-500">
          <tr>
            {["Time", "Actor", "Action", "Target", "IP", "User agent", "Details"].map((heading) => (
              <th key={heading} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-row">
              <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                <LocalTime value={entry.createdAt} />
              </td>
              <td className="px-3 py-2">
                <span className="font-medium">{entry.actorLabel ?? "unknown"}</span>
                <span className="block text-xs text-slate-500">{describeActorType(entry)}</span>
              </td>
              <td className="px-3 py-2">
                <code className="font-mono text-xs">{entry.action}</code>
              </td>
              <td className="px-3 py-2 text-xs text-slate-600">
                {entry.targetType ? (
                  <>
                    {entry.targetType} <code className="font-mono break-all">{entry.targetId}</code>
                  </>
                ) : null}
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-600">{entry.ip ?? "unknown"}</td>
              <td className="max-w-48 truncate px-3 py-2 text-xs text-slate-600" title={entry.userAgent ?? undefined}>
                {entry.userAgent ?? "unknown"}
              </td>
              <td className="px-3 py-2">
                <AuditDetails details={entry.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Lists a details object one field a line, such as `identity: "qa-alice"`.
function AuditDetails({ details }: { details: unknown }) {
  if (details === null || details === undefined) {
    return null;
  }

  const fields = typeof details === "object" && !Array.isArray(details) ? Object.entries(details) : [["value", details] as const];
  return (
    <dl className="min-w-48 space-y-0.5 font-mono text-xs text-slate-700">
      {fields.map(([name, value]) => (
        <div key={name} className="break-all">
          <dt className="inline text-slate-500">{name}: </dt>
          <dd className="inline">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function describeActorType(entry: AuditEntry): string {
  if (entry.actorType === "KEY") {
    return `API key ${entry.actorKeyId ?? ""}`;
  }
  if (entry.actorType === "USER") {
    return "console user";
  }
  return "unauthenticated caller";
}
