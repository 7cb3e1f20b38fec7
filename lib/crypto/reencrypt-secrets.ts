import "server-only";

import type { SqlSession } from "@/lib/db/sql-session";
import { ConsoleError } from "@/lib/errors/console-error";

import { computeMasterKeyCheck, MASTER_KEY_CHECK_SETTING, matchesMasterKeyCheck } from "./master-key";
import { decryptSecret, encryptSecret } from "./secret-box";


export interface ReencryptResult {
  reencrypted: number;
  // Keys already under the new master key, such as after an earlier run.
  alreadyCurrent: number;
}

// Re-encrypts every stored key secret from `previousKey` to `newKey` and
// points the stored check value at `newKey`, in one transaction, so a
// failure leaves every row as it was. Rows locked here wait for concurrent
// key changes. Running it again is safe: rows already under the new key are
// counted and left alone.
export async function reencryptSecrets(options: { session: SqlSession; newKey: Buffer; previousKey: Buffer }): Promise<ReencryptResult> {
  const { session, newKey, previousKey } = options;
  await session.exec("BEGIN");

  try {
    const [stored] = await session.query<{ value: string }>(`SELECT value FROM "ConsoleSetting" WHERE name = $1 FOR UPDATE`, [MASTER_KEY_CHECK_SETTING]);
    if (stored && !matchesMasterKeyCheck(newKey, stored.value) && !matchesMasterKeyCheck(previousKey, stored.value)) {
      throw new ConsoleError(
        "invalid_config",
        "neither CONSOLE_ENCRYPTION_KEY nor CONSOLE_ENCRYPTION_KEY_PREVIOUS is the key the stored secrets were encrypted with: " +
          "set CONSOLE_ENCRYPTION_KEY_PREVIOUS to the key the consoles used until now",
      );
    }

    const rows = await session.query<{ id: string; secretCiphertext: string }>(`SELECT id, "secretCiphertext" FROM "ApiKey" ORDER BY id FOR UPDATE`);
    const result: ReencryptResult = { reencrypted: 0, alreadyCurrent: 0 };

    for (const row of rows) {
      if (tryDecrypt(row, newKey) !== null) {
        result.alreadyCurrent += 1;
        continue;
      }
      const secret = tryDecrypt(row, previousKey);
      if (secret === null) {
        throw new ConsoleError(
          "invalid_config",
          `the secret of key ${row.id} decrypts with neither CONSOLE_ENCRYPTION_KEY nor CONSOLE_ENCRYPTION_KEY_PREVIOUS: nothing was changed`,
        );
      }

      const ciphertext = encryptSecret(secret, { masterKey: newKey, keyId: row.id });
      await session.query(`UPDATE "ApiKey" SET "secretCiphertext" = $2 WHERE id = $1`, [row.id, ciphertext]);
      result.reencrypted += 1;
    }

    await session.query(
      `INSERT INTO "ConsoleSetting" (name, value, "updatedAt") VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [MASTER_KEY_CHECK_SETTING, computeMasterKeyCheck(newKey)],
    );
    await session.exec("COMMIT");
    return result;
  } catch (error) {
    await session.exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

// Returns the secret, or null when `masterKey` did not encrypt it.
function tryDecrypt(row: { id: string; secretCiphertext: string }, masterKey: Buffer): string | null {
  try {
    return decryptSecret(row.secretCiphertext, { masterKey, keyId: row.id });
  } catch {
    return null;
  }
}
