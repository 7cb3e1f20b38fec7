// The baseline of `npm run bench`: a bare node:http server that reads the
// same JSON body as POST /api/v2/tokens and signs the same claims with the
// same library (lib/tokens/build-token.ts), with no auth, validation,
// database, rate limit or logging. It prints its port once listening.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { buildToken } from "@/lib/tokens/build-token";
import { parseGrants } from "@/lib/tokens/grants";

const key = { id: process.env.BENCH_KEY_ID ?? "", secret: process.env.BENCH_KEY_SECRET ?? "" };

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { identity: string; device: string; grants: string; ttl: number };
    const grants = parseGrants(body.grants);

    buildToken({ key, identity: body.identity, device: body.device, grants: grants.ok ? grants.grants : {}, ttl: body.ttl }).then(
      (token) => {
        response.writeHead(201, { "content-type": "application/json" });
        response.end(JSON.stringify({ token }));
      },
      (error: unknown) => {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(String(error));
      },
    );
  });
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});

process.on("SIGTERM", () => server.close(() => process.exit(0)));
