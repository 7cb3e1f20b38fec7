import "server-only";

import { decryptSecret } from "@/lib/crypto/secret-box";
import { getMasterKey } from "@/lib/crypto/get-master-key";
import { getDb } from "@/lib/db/get-db";
import type { KeyStatus } from "@/lib/generated/prisma/enums";

export interface KeyWithSecret {
  id: string;
  appId: string;
  appName: string;
  status: KeyStatus;
  secret: string;
}

// Loads a key with its decrypted secret, for signing and verifying on the
// server. `appIds` limits the search to apps the caller may see; a key of any
// other app is reported as not found.
export async function loadKeySecret(options: { keyId: string; appIds?: string[] }): Promise<KeyWithSecret | null> {
  const db = await getDb();

  const key = await db.apiKey.findUnique({
    where: { id: options.keyId },
    select: { id: true, appId: true, status: true, secretCiphertext: true, app: { select: { name: true } } },
  });

  if (!key || (options.appIds && !options.appIds.includes(key.appId))) {
    return null;
  }

  const masterKey = await getMasterKey();
  return {
    id: key.id,
    appId: key.appId,
    appName: key.app.name,
    status: key.status,
    secret: decryptSecret(key.secretCiphertext, { masterKey, keyId: key.id }),
  };
}
