import { ConsoleError } from "@/lib/errors/console-error";
import type { Grants } from "@/lib/tokens/grants";

export interface KeyRestrictions {
  allowedGrants: string[];
  maxTtlSeconds: number | null;
  allowedOrigins: string[];
}

// Refuses a token request that goes beyond the key's restrictions, naming the
// restriction. An empty list or a null maximum means no restriction.
// `origin` is the browser's Origin header; requests without one (app servers,
// curl) are not origin-restricted, because only browsers send it.
export function checkKeyRestrictions(
  key: KeyRestrictions & { id: string },
  request: { grants?: Grants; ttl?: number; origin?: string | null },
): void {
  if (key.allowedGrants.length > 0 && request.grants) {
    const refused = Object.entries(request.grants)
      .filter(([name, granted]) => granted === true && !key.allowedGrants.includes(name))
      .map(([name]) => name);

    if (refused.length > 0) {
      throw new ConsoleError(
        "forbidden",
        `key '${key.id}' may grant only ${key.allowedGrants.join(", ")}; remove ${refused.join(", ")} or use another key`,
        { field: "grants" },
      );
    }
  }

  if (key.maxTtlSeconds !== null && request.ttl !== undefined && request.ttl > key.maxTtlSeconds) {
    throw new ConsoleError(
      "forbidden",
      `key '${key.id}' allows a ttl of at most ${key.maxTtlSeconds} seconds; ask for ${key.maxTtlSeconds} or less`,
      { field: "ttl" },
    );
  }

  if (key.allowedOrigins.length > 0 && request.origin && !key.allowedOrigins.includes(request.origin)) {
    throw new ConsoleError(
      "forbidden",
      `origin '${request.origin}' is not allowed to use key '${key.id}'; an owner can add it to the key's allowed origins`,
      { field: "origin" },
    );
  }
}
