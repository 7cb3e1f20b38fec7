import { randomUUID } from "node:crypto";

import { createApp } from "@/lib/apps/create-app";
import { createApiKey } from "@/lib/keys/create-api-key";
import { createUser } from "@/lib/users/create-user";

export interface SeededApp {
  actor: { id: string; email: string; name: string | null };
  appId: string;
  keyId: string;
  secret: string;
}

// Creates an owner with a unique email, an app and one API key, through the
// same operations the console uses.
export async function seedAppWithKey(name = "Test app"): Promise<SeededApp> {
  const user = await createUser({ email: `owner-${randomUUID().slice(0, 8)}@example.test`, password: "correct horse battery staple" });
  const actor = { id: user.id, email: user.email, name: null };
  const app = await createApp({ actor, input: { name } });
  const key = await createApiKey({ actor, appId: app.id, input: { label: "server" } });

  return { actor, appId: app.id, keyId: key.keyId, secret: key.secret };
}

// The Authorization header value for HTTP Basic auth.
export function basicAuth(keyId: string, secret: string): string {
  return `Basic ${Buffer.from(`${keyId}:${secret}`, "utf8").toString("base64")}`;
}
