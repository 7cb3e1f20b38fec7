// `npm run keys:reencrypt`: the last step of a master key rotation. With
// CONSOLE_ENCRYPTION_KEY set to the new key and
// CONSOLE_ENCRYPTION_KEY_PREVIOUS to the old one, it re-encrypts every
// stored key secret under the new key in one transaction and records the
// new key's check value. See docs/production.md for the whole procedure.
import { runCommand } from "@/lib/cli/run-command";
import { loadMasterKey } from "@/lib/crypto/master-key";
import { reencryptSecrets } from "@/lib/crypto/reencrypt-secrets";
import { readDatabaseConfig } from "@/lib/db/database-config";
import { openSqlSession } from "@/lib/db/open-sql-session";
import { ConsoleError } from "@/lib/errors/console-error";

runCommand("keys:reencrypt", async () => {
  const config = readDatabaseConfig();
  const loaded = loadMasterKey({ config, mayGenerate: false });
  if (!loaded.previousKey) {
    throw new ConsoleError(
      "invalid_config",
      "CONSOLE_ENCRYPTION_KEY_PREVIOUS is missing: set it to the old master key and CONSOLE_ENCRYPTION_KEY to the new one",
    );
  }

  const { session, close } = await openSqlSession(config);
  try {
    const result = await reencryptSecrets({ session, newKey: loaded.key, previousKey: loaded.previousKey });
    console.log(`Re-encrypted ${result.reencrypted} key secrets under the new master key (${result.alreadyCurrent} were already under it).`);
    console.log(
      "The stored check value now names the new key. Once every instance runs with the new key, run this command once more " +
        "(it catches a key created while it ran), then unset CONSOLE_ENCRYPTION_KEY_PREVIOUS.",
    );
  } finally {
    await close();
  }
});
