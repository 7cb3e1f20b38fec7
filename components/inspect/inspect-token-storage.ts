// The sessionStorage entry through which the mint page hands a token to the
// inspect page. The inspect page removes it as soon as it reads it.
export const INSPECT_TOKEN_STORAGE_KEY = "bit6-console:inspect-token";

// Reads and removes the handed-over token, or returns null. When the browser
// blocks storage, nothing can have been handed over.
export function takeHandedOverToken(): string | null {
  try {
    const token = window.sessionStorage.getItem(INSPECT_TOKEN_STORAGE_KEY);
    window.sessionStorage.removeItem(INSPECT_TOKEN_STORAGE_KEY);
    return token;
  } catch {
    return null;
  }
}

// Stores `token` for the inspect page. Returns false when the browser blocks
// storage, so the caller can still open the page, which then starts empty.
export function handOverToken(token: string): boolean {
  try {
    window.sessionStorage.setItem(INSPECT_TOKEN_STORAGE_KEY, token);
    return true;
  } catch {
    return false;
  }
}
