import "server-only";

import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Prisma } from "@/lib/generated/prisma/client";

import { secretHint } from "./key-material";

// The row data for a new key, with its secret encrypted for storage.
export function newKeyData(options: {
  keyId: string;
  secret: string;
  appId: string;
  label: string;
  createdById: string;
  masterKey: Buffer;
  replacesKeyId?: string;
  imported?: boolean;
  restrictions?: { allowedGrants: string[]; maxTtlSeconds: number | null; allowedOrigins: string[] };
}): Prisma.ApiKeyUncheckedCreateInput {
  return {
    id: options.keyId,
    appId: options.appId,
    label: options.label,
    secretCiphertext: encryptSecret(options.secret, { masterKey: options.masterKey, keyId: options.keyId }),
    secretHint: secretHint(options.secret),
    createdById: options.createdById,
    replacesKeyId: options.replacesKeyId ?? null,
    imported: options.imported ?? false,
    allowedGrants: options.restrictions?.allowedGrants ?? [],
    maxTtlSeconds: options.restrictions?.maxTtlSeconds ?? null,
    allowedOrigins: options.restrictions?.allowedOrigins ?? [],
  };
}
