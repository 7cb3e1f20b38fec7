import "server-only";

import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { findKeyRecord } from "@/lib/keys/key-cache";
import { isKeyUsable } from "@/lib/keys/key-status";
import { recordKeyUse } from "@/lib/keys/usage-recorder";
import { roleAllows } from "@/lib/permissions/permissions";
import { verifyToken, type VerifyResult } from "@/lib/tokens/verify-token";

// Verifies a pasted token against the keys of the apps `actor` may inspect.
// A key of any other app counts as unknown, so the result never reveals keys
// the person cannot see. The secret stays on the server.
export async function inspectToken(options: { actor: Actor; token: unknown; now?: number }): Promise<VerifyResult> {
  const db = await getDb();
  const memberships = await db.membership.findMany({ where: { userId: options.actor.id }, select: { appId: true, role: true } });
  const appIds = new Set(memberships.filter((membership) => roleAllows(membership.role, "token.inspect")).map((membership) => membership.appId));

  return verifyToken(options.token, {
    now: options.now,
    findKey: async (iss) => {
      const key = await findKeyRecord(iss);
      if (!key || !appIds.has(key.appId)) {
        return null;
      }

      recordKeyUse(key.id, "verify");
      return {
        id: key.id,
        secret: key.secret,
        status: isKeyUsable(key) ? "active" : "revoked",
        appId: key.appId,
        appName: key.appName,
      };
    },
  });
}
