// A request and reply of the token API and the demo endpoint, independent
// of the server that carries them: the Next.js route handlers and the
// node:http front both adapt to these, so both run the same handler code.
export interface ApiRequest {
  method: string;
  // The header's value, or null when absent. Names are lower-case.
  header(name: string): string | null;
  // The client's address, resolved through the trusted proxies
  // (lib/http/resolve-client-ip.ts).
  clientIp: string;
  // Reads the body as UTF-8 text. Throws a 413 ConsoleError past
  // MAX_BODY_BYTES without reading the rest.
  readText(): Promise<string>;
}

export interface ApiReply {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}
