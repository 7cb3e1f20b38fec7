// Test-only: signs arbitrary headers and payloads with node:crypto, independently of jose,
// so tests can build tokens that buildToken rejects.
import { createHmac } from "node:crypto";

export interface ForgeTestTokenOptions {
  /** An object is serialized with JSON.stringify, and a string is used byte for byte. */
  header: object | string;
  payload: object | string;
  /** HS256 secret. Without it the signature segment is empty. */
  secret?: string;
}

export function encodeSegment(json: object | string): string {
  const text = typeof json === "string" ? json : JSON.stringify(json);
  return Buffer.from(text, "utf8").toString("base64url");
}

export function forgeTestToken(options: ForgeTestTokenOptions): string {
  const signingInput = `${encodeSegment(options.header)}.${encodeSegment(options.payload)}`;
  if (options.secret === undefined) {
    return `${signingInput}.`;
  }

  const signature = createHmac("sha256", Buffer.from(options.secret, "utf8")).update(signingInput).digest("base64url");
  return `${signingInput}.${signature}`;
}
