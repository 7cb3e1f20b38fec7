/** Services a Bit6 v2 token can grant access to. */
export const KNOWN_GRANTS = ["chat", "push", "signal", "video"] as const;

export type GrantName = (typeof KNOWN_GRANTS)[number];

/** Grant name to allowed flag, in the order the caller gave the names (the token keeps that order). */
export type Grants = Partial<Record<GrantName, boolean>>;

export type GrantsResult =
  | { ok: true; grants: Grants }
  | { ok: false; field: "grants"; message: string };

const KNOWN_GRANTS_TEXT = KNOWN_GRANTS.join(", ");

export function isGrantName(name: string): name is GrantName {
  return (KNOWN_GRANTS as readonly string[]).includes(name);
}

/**
 * Parses grants from a JSON object (`{"chat": true}`) or from a list of names
 * (`"chat,video"` or `"chat video"`, each listed name granted). A missing value
 * (undefined or null) means no grants. Names are case-sensitive, so `Chat` is rejected.
 */
export function parseGrants(input: unknown): GrantsResult {
  if (input === undefined || input === null) {
    return { ok: true, grants: {} };
  }

  if (typeof input === "string") {
    return parseGrantList(input);
  }

  if (isPlainObject(input)) {
    return parseGrantObject(input);
  }

  return rejectGrants(
    `grants must be an object such as {"chat": true} or a list such as "chat,video", got ${describeValue(input)}`,
  );
}

/** Returns the warning the mint form shows for a token that grants no service, or null. */
export function findGrantsWarning(grants: Grants): string | null {
  const granted = Object.values(grants).some((allowed) => allowed === true);
  if (granted) {
    return null;
  }

  return `no grants: the token will not allow any service (${KNOWN_GRANTS_TEXT})`;
}

function parseGrantList(list: string): GrantsResult {
  const names = list.split(/[\s,]+/).filter((name) => name !== "");
  const grants: Grants = {};

  for (const name of names) {
    if (!isGrantName(name)) {
      return rejectUnknownGrant(name);
    }
    grants[name] = true;
  }

  return { ok: true, grants };
}

function parseGrantObject(input: Record<string, unknown>): GrantsResult {
  const grants: Grants = {};

  for (const [name, allowed] of Object.entries(input)) {
    if (!isGrantName(name)) {
      return rejectUnknownGrant(name);
    }
    if (typeof allowed !== "boolean") {
      return rejectGrants(`grant '${name}' must be true or false, got ${describeValue(allowed)}`);
    }
    grants[name] = allowed;
  }

  return { ok: true, grants };
}

function rejectUnknownGrant(name: string): GrantsResult {
  return rejectGrants(`unknown grant '${name}': use one of ${KNOWN_GRANTS_TEXT}`);
}

function rejectGrants(message: string): GrantsResult {
  return { ok: false, field: "grants", message };
}

// Only objects built from JSON or literals count, so an array, Map or Date is not read as grants.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) {
    return false;
  }

  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// JSON text shows the caller the exact value, so "true" (a string) reads differently from true.
function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    return "an array";
  }
  if (typeof value === "object" && value !== null && !isPlainObject(value)) {
    return `a ${Object.prototype.toString.call(value).slice(8, -1)} object`;
  }

  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
