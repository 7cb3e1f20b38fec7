import "server-only";

import { z } from "zod";

import { createApp } from "@/lib/apps/create-app";
import { getDb } from "@/lib/db/get-db";
import { ConsoleError } from "@/lib/errors/console-error";
import { parseInput } from "@/lib/errors/parse-input";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { grantMembership } from "@/lib/members/grant-membership";
import { memberRoleSchema } from "@/lib/members/member-input";

import { createUser } from "./create-user";
import { signUpSchema } from "./user-input";

const bootstrapSchema = z.object({
  account: signUpSchema,
  app: z.string().trim().min(1, { error: "app must not be empty" }).max(80, { error: "app must be at most 80 characters" }).optional(),
  role: memberRoleSchema.default("OWNER"),
});

export interface BootstrappedUser {
  userId: string;
  email: string;
  app: { id: string; name: string; role: MemberRole; created: boolean } | null;
}

// The audit log's name for the command line operator.
const OPERATOR = "operator (npm run user:create)";

// Creates an account from the command line, with the same rules as the
// sign-up page, and optionally makes it a member of an app. `app` is an app
// ID or an exact app name: an existing app gets the account as a member with
// `role`, and an unknown name becomes a new app that the account owns.
// Self sign-up settings do not apply, because this is how an operator
// creates the first account of a console that has sign-up turned off.
export async function bootstrapUser(options: { input: unknown }): Promise<BootstrappedUser> {
  const input = parseInput(bootstrapSchema, options.input);

  const existingApp = input.app ? await findAppByIdOrName(input.app) : null;
  if (input.app && !existingApp && input.role !== "OWNER") {
    throw new ConsoleError(
      "invalid_input",
      `there is no app '${input.app}', and a new app needs an owner: pass --role owner to create it, or the ID of an existing app`,
      { field: "role" },
    );
  }

  const user = await createUser(input.account);
  const actor = { id: user.id, email: user.email, name: input.account.name || null };

  if (!input.app) {
    return { userId: user.id, email: user.email, app: null };
  }

  if (existingApp) {
    await grantMembership({ operator: OPERATOR, appId: existingApp.id, userId: user.id, role: input.role });
    return { userId: user.id, email: user.email, app: { ...existingApp, role: input.role, created: false } };
  }

  const app = await createApp({ actor, input: { name: input.app } });
  return { userId: user.id, email: user.email, app: { ...app, role: "OWNER", created: true } };
}

async function findAppByIdOrName(idOrName: string): Promise<{ id: string; name: string } | null> {
  const db = await getDb();

  const byId = await db.app.findUnique({ where: { id: idOrName }, select: { id: true, name: true } });
  if (byId) {
    return byId;
  }

  const byName = await db.app.findMany({ where: { name: idOrName }, select: { id: true, name: true }, take: 10 });
  if (byName.length > 1) {
    throw new ConsoleError(
      "conflict",
      `several apps are named '${idOrName}': pass the app ID instead (${byName.map((app) => app.id).join(", ")})`,
      { field: "app" },
    );
  }
  return byName[0] ?? null;
}
