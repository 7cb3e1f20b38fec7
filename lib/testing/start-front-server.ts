import type { AddressInfo } from "node:net";

import { createFrontServer } from "@/lib/server/create-front-server";

export interface RunningFrontServer {
  baseUrl: string;
  // X-Forwarded-For of each request the front passed to the fallback.
  fallbackForwardedFor: string[];
  close(): Promise<void>;
}

// Starts the console's HTTP front on 127.0.0.1 and a free port. Requests
// for other paths reach a stand-in for Next.js that returns 404 and records
// what the front passed on.
export async function startFrontServer(options: { trustedProxies?: number } = {}): Promise<RunningFrontServer> {
  const fallbackForwardedFor: string[] = [];
  const server = createFrontServer({
    trustedProxies: options.trustedProxies ?? 0,
    fallback: (request, response) => {
      fallbackForwardedFor.push(String(request.headers["x-forwarded-for"]));
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not served by the front");
    },
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    fallbackForwardedFor,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
