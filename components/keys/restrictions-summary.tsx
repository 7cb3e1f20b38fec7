import type { KeyRestrictions } from "@/lib/keys/key-restrictions";

// A key's restrictions in one short line, such as "Grants: chat, video ·
// Max TTL: 300 s", or one restriction a line when `stacked`. Made of inline
// elements, so it can serve as a field hint.
export function RestrictionsSummary({ restrictions, testId, stacked = false }: { restrictions: KeyRestrictions; testId?: string; stacked?: boolean }) {
  const parts = summarizeRestrictions(restrictions);

  if (parts.length === 0) {
    return (
      <span data-testid={testId} className="text-slate-500">
        None
      </span>
    );
  }

  return (
    <span data-testid={testId}>
      {parts.map((part, index) => (
        <span key={part.name} className={stacked ? "block" : undefined}>
          {index > 0 && !stacked ? " · " : null}
          <span className="font-medium">{part.name}:</span> <span className="break-all">{part.value}</span>
        </span>
      ))}
    </span>
  );
}

function summarizeRestrictions(restrictions: KeyRestrictions): { name: string; value: string }[] {
  const parts: { name: string; value: string }[] = [];

  if (restrictions.allowedGrants.length > 0) {
    parts.push({ name: "Grants", value: restrictions.allowedGrants.join(", ") });
  }
  if (restrictions.maxTtlSeconds !== null) {
    parts.push({ name: "Max TTL", value: `${restrictions.maxTtlSeconds} s` });
  }
  if (restrictions.allowedOrigins.length > 0) {
    parts.push({ name: "Origins", value: restrictions.allowedOrigins.join(", ") });
  }

  return parts;
}
