const DEFAULT_PATH = "/apps";

// Returns `value` if it is a same-site relative path, else the default. This
// keeps a crafted sign-in link from sending people to another site after they
// sign in.
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) {
    return DEFAULT_PATH;
  }

  // "//host" and "/\host" are protocol-relative in browsers.
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return DEFAULT_PATH;
  }

  if (/[\u0000-\u001f\\]/.test(value)) {
    return DEFAULT_PATH;
  }

  const base = "http://console.invalid";
  const parsed = new URL(value, base);
  if (parsed.origin !== base) {
    return DEFAULT_PATH;
  }

  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
