import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { loadKeySecret } from "@/lib/keys/load-key-secret";
import { roleAllows } from "@/lib/permissions/permissions";
import { verifyToken, type VerifyResult } from "@/lib/tokens/verify-token";

// Verifies a pasted token against the keys of the apps `actor` may inspect.
// A key of any other app counts as unknown, so the answer never reveals keys
// the person cannot see. The secret stays on the server.
export async function inspectToken(options: { actor: Actor; token: unknown; now?: number }): Promise<VerifyResult> {
  const db = await getDb();
  const memberships = await db.membership.findMany({ where: { userId: options.actor.id }, select: { appId: true, role: true } });
  const appIds = memberships.filter((membership) => roleAllows(membership.role, "token.inspect")).map((membership) => membership.appId);

  return verifyToken(options.token, {
    now: options.now,
    findKey: async (iss) => {
      const key = await loadKeySecret({ keyId: iss, appIds });
      if (!key) {
        return null;
      }
      return { id: key.id, secret: key.secret, status: key.status === "ACTIVE" ? "active" : "revoked", appId: key.appId, appName: key.appName };
    },
  });
}
