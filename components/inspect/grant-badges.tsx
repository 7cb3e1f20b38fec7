import { KNOWN_GRANTS } from "@/lib/tokens/grants";

// One badge per Bit6 grant: granted when the token's grants object sets it
// to true, denied otherwise. Names Bit6 does not know get their own badge.
export function GrantBadges({ grants }: { grants: unknown }) {
  if (grants === undefined) {
    return <p className="text-sm text-slate-600">The token has no grants claim, so it allows no service.</p>;
  }
  if (typeof grants !== "object" || grants === null || Array.isArray(grants)) {
    return <p className="text-sm text-red-700">The grants claim is not an object such as {'{"chat": true}'}, so no service is granted.</p>;
  }

  const entries = grants as Record<string, unknown>;
  const unknownNames = Object.keys(entries).filter((name) => !(KNOWN_GRANTS as readonly string[]).includes(name));

  return (
    <ul className="flex flex-wrap gap-2" aria-label="Grants">
      {KNOWN_GRANTS.map((name) => {
        const granted = entries[name] === true;
        return (
          <li
            key={name}
            data-grant={name}
            data-granted={granted}
            className={`rounded-full px-3 py-1 text-xs font-semibold ring-1 ring-inset ${granted ? "bg-emerald-50 text-emerald-700 ring-emerald-200" : "bg-slate-50 text-slate-500 ring-slate-200 line-through"}`}
          >
            {name}: {granted ? "granted" : "denied"}
          </li>
        );
      })}
      {unknownNames.map((name) => (
        <li key={name} data-grant={name} className="rounded-full bg-amber-50 px-3 py-1 text-xs font-semibold text-amber-800 ring-1 ring-inset ring-amber-200">
          {name}: unknown grant
        </li>
      ))}
    </ul>
  );
}
