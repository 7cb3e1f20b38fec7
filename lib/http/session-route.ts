import "server-only";

import { randomUUID } from "node:crypto";

import { getCurrentUser, type Actor } from "@/lib/auth/current-user";
import { ConsoleError } from "@/lib/errors/console-error";
import { problemResponse } from "@/lib/errors/problem-details";

type SessionHandler<Params> = (options: { actor: Actor; request: Request; params: Params; requestId: string }) => Promise<Response>;

// Wraps a console API route handler: without a session it returns 401, and
// any error becomes a problem details response.
export function sessionRoute<Params = Record<string, never>>(handler: SessionHandler<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();

    try {
      const actor = await getCurrentUser();
      if (!actor) {
        throw new ConsoleError("unauthenticated", "sign in to use the console API: this route needs a console session cookie");
      }

      return await handler({ actor, request, params: await context.params, requestId });
    } catch (error) {
      return problemResponse(error, { requestId, headers: { "x-request-id": requestId } });
    }
  };
}
