// Seeds a fresh database for `npm run bench`: an owner, an app, one API key
// and the app's demo endpoint, through the console's own operations. Prints
// {appId, keyId, secret} as JSON on stdout for the benchmark to use; the
// secret is a throwaway in a temporary database. Run with
// `node --conditions react-server --import tsx`, so `server-only` resolves
// to its empty module outside Next.js.
import { createApp } from "@/lib/apps/create-app";
import { flushAuditQueue } from "@/lib/audit/record-audit-event";
import { closeDatabase } from "@/lib/db/get-db";
import { configureDemoEndpoint } from "@/lib/demo/configure-demo-endpoint";
import { createApiKey } from "@/lib/keys/create-api-key";
import { createUser } from "@/lib/users/create-user";

async function seed(): Promise<void> {
  const user = await createUser({ email: "bench@example.test", password: "correct horse battery staple" });
  const actor = { id: user.id, email: user.email, name: null };
  const app = await createApp({ actor, input: { name: "Benchmark app" } });
  const key = await createApiKey({ actor, appId: app.id, input: { label: "benchmark" } });
  await configureDemoEndpoint({
    actor,
    appId: app.id,
    input: { enabled: true, keyId: key.keyId, grants: ["chat", "video"], ttlSeconds: 600 },
  });

  await flushAuditQueue();
  await closeDatabase();
  process.stdout.write(`${JSON.stringify({ appId: app.id, keyId: key.keyId, secret: key.secret })}\n`);
}

seed().catch((error: unknown) => {
  process.stderr.write(`seeding the benchmark database failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
