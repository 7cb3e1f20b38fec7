import "server-only";

import { recordAuditEvent, userActor } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/get-db";
import { parseInput } from "@/lib/errors/parse-input";
import { currentRequestContext } from "@/lib/http/request-context";

import { createAppSchema } from "./app-input";

// Creates an app with `actor` as its owner and records it, in one transaction
// so that no app is ever left without an owner or an audit entry.
export async function createApp(options: { actor: Actor; input: unknown }): Promise<{ id: string; name: string }> {
  const { name } = parseInput(createAppSchema, options.input);

  const context = await currentRequestContext();
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const app = await tx.app.create({
      data: { name, memberships: { create: { userId: options.actor.id, role: "OWNER" } } },
      select: { id: true, name: true },
    });
    await recordAuditEvent(
      { appId: app.id, actor: userActor(options.actor), action: "app.created", target: { type: "app", id: app.id }, details: { name }, context },
      tx,
    );

    return app;
  });
}
