import "server-only";

import { z } from "zod";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { getMasterKey } from "@/lib/crypto/get-master-key";
import { getDb } from "@/lib/db/get-db";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { ConsoleError } from "@/lib/errors/console-error";
import { parseInput } from "@/lib/errors/parse-input";
import { currentRequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { authorizeAppAction } from "@/lib/permissions/authorize-app-action";

import { invalidateKeyRecords } from "./key-cache";
import { generateKeyMaterial } from "./key-material";
import { MAX_OVERLAP_SECONDS } from "./rotation-overlap";
import { newKeyData } from "./store-new-key";

export { MAX_OVERLAP_SECONDS, OVERLAP_PRESETS } from "./rotation-overlap";

const rotateSchema = z.object({
  overlapSeconds: z
    .number({ error: "overlap must be a number of seconds" })
    .int({ error: "overlap must be a whole number of seconds" })
    .min(0, { error: "overlap must not be negative" })
    .max(MAX_OVERLAP_SECONDS, { error: `overlap must be at most 30 days (${MAX_OVERLAP_SECONDS} seconds)` }),
});

export interface RotatedApiKey {
  keyId: string;
  label: string;
  // Shown once, like a new key's secret.
  secret: string;
  replacedKeyId: string;
  oldKeyExpiresAt: Date;
}

// Rotates a key: creates its successor and schedules the old key to stop
// working after the overlap window. Both writes and the audit entry are one
// transaction. The old key is claimed with a conditional update, so of two
// rotations racing on one key exactly one succeeds and the other gets a 409.
export async function rotateApiKey(options: { actor: Actor; appId: string; keyId: string; input: unknown }): Promise<RotatedApiKey> {
  const { overlapSeconds } = parseInput(rotateSchema, options.input);

  await authorizeAppAction({ actor: options.actor, appId: options.appId, action: "key.create" });

  const { keyId, secret } = generateKeyMaterial();
  const masterKey = await getMasterKey();
  const now = new Date();
  const oldKeyExpiresAt = new Date(now.getTime() + overlapSeconds * 1000);
  const context = await currentRequestContext();

  const db = await getDb();
  invalidateKeyRecords();

  try {
    const label = await db.$transaction(async (tx) => {
      const claimed = await tx.apiKey.updateMany({
        where: { id: options.keyId, appId: options.appId, status: "ACTIVE", expiresAt: null, replacedBy: null },
        data: { expiresAt: oldKeyExpiresAt },
      });

      if (claimed.count === 0) {
        throw await explainUnrotatable(tx, options.appId, options.keyId);
      }

      const old = await tx.apiKey.findUniqueOrThrow({
        where: { id: options.keyId },
        select: { label: true, allowedGrants: true, maxTtlSeconds: true, allowedOrigins: true },
      });

      await tx.apiKey.create({
        data: newKeyData({
          keyId,
          secret,
          appId: options.appId,
          label: old.label,
          createdById: options.actor.id,
          masterKey,
          replacesKeyId: options.keyId,
          restrictions: old,
        }),
      });
      await recordAuditEvent(
        {
          appId: options.appId,
          actor: userActor(options.actor),
          action: "key.rotated",
          target: { type: "key", id: options.keyId },
          details: { successorKeyId: keyId, overlapSeconds, oldKeyExpiresAt: oldKeyExpiresAt.toISOString() },
          context,
        },
        tx,
      );

      return old.label;
    });

    invalidateKeyRecords();
    logger.info({ appId: options.appId, keyId, replacedKeyId: options.keyId, overlapSeconds, userId: options.actor.id }, "rotated API key");

    return { keyId, label, secret, replacedKeyId: options.keyId, oldKeyExpiresAt };
  } catch (error) {
    invalidateKeyRecords();
    if (isUniqueViolation(error)) {
      throw alreadyRotated(options.keyId);
    }
    throw error;
  }
}

type Transaction = Parameters<Parameters<Awaited<ReturnType<typeof getDb>>["$transaction"]>[0]>[0];

async function explainUnrotatable(tx: Transaction, appId: string, keyId: string): Promise<ConsoleError> {
  const key = await tx.apiKey.findFirst({
    where: { id: keyId, appId },
    select: { status: true, expiresAt: true, replacedBy: { select: { id: true } } },
  });

  if (!key) {
    return new ConsoleError("not_found", `key '${keyId}' was not found in this app`, { field: "keyId" });
  }
  if (key.status === "REVOKED") {
    return new ConsoleError("conflict", `key '${keyId}' is revoked and cannot be rotated: create a new key instead`, { field: "keyId" });
  }
  if (key.replacedBy || key.expiresAt) {
    return alreadyRotated(keyId);
  }
  return new ConsoleError("conflict", `key '${keyId}' cannot be rotated right now: reload the key list and try again`, { field: "keyId" });
}

function alreadyRotated(keyId: string): ConsoleError {
  return new ConsoleError("conflict", `this key was already rotated: key '${keyId}' has a successor; rotate the new key instead`, {
    field: "keyId",
  });
}
