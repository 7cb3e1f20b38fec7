import { ConsoleError } from "@/lib/errors/console-error";

export const TRUSTED_PROXIES_VARIABLE = "TRUSTED_PROXY_COUNT";

// Returns the client's address for per-IP rate limits. Each proxy appends
// the address it received the request from to X-Forwarded-For, and the
// console's HTTP front appends the socket's peer address last. So the entry
// `trustedProxies` places left of the last one is the client as the
// outermost trusted proxy saw it. Entries further left were written by the
// client and could be anything. With no trusted proxies that is the socket
// peer itself.
export function resolveClientIp(options: { forwardedFor: string | null; trustedProxies: number }): string {
  const entries = (options.forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");

  // Fewer entries than proxies means the request skipped a proxy, so the
  // leftmost address is the closest thing to the client there is.
  const index = Math.max(0, entries.length - 1 - options.trustedProxies);
  return entries[index] ?? "unknown";
}

// Reads TRUSTED_PROXY_COUNT: how many reverse proxies in front of the
// console append to X-Forwarded-For. 0 (the default) trusts none.
export function readTrustedProxies(env: Record<string, string | undefined> = process.env): number {
  const raw = env[TRUSTED_PROXIES_VARIABLE]?.trim();
  if (!raw) {
    return 0;
  }

  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > 10) {
    throw new ConsoleError("invalid_config", `${TRUSTED_PROXIES_VARIABLE} '${raw}' is invalid: use the number of reverse proxies in front of the console, from 0 to 10`);
  }

  return count;
}
