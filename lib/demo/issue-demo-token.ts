import "server-only";

import { z } from "zod";

import { queueAuditEvent } from "@/lib/audit/record-audit-event";
import { ConsoleError } from "@/lib/errors/console-error";
import { parseInput } from "@/lib/errors/parse-input";
import type { RequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log/logger";
import { summarizeClaims } from "@/lib/mint/summarize-claims";
import { signWithKey } from "@/lib/mint/sign-with-key";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";
import { isGrantName, type Grants } from "@/lib/tokens/grants";
import { deviceSchema, identitySchema } from "@/lib/tokens/token-rules";

import { findDemoSettings } from "./find-demo-settings";

const demoRequestSchema = z.object({ identity: identitySchema, device: deviceSchema });

// Issues a token from the public demo endpoint, with the key, grants and TTL
// the app's owner chose. An app whose endpoint is off, or that does not
// exist, gets the same 404, so the endpoint cannot be used to find apps. The
// body is read only after that check, so a disabled endpoint returns 404
// whatever is sent to it. `origin` is the browser's Origin header, checked
// against the key's allowed origins.
export async function issueDemoToken(options: {
  appId: string;
  readFields: () => Promise<Record<string, unknown>>;
  context: RequestContext;
  origin?: string | null;
}): Promise<{ token: string }> {
  const settings = await findDemoSettings(options.appId);

  if (!settings?.enabled || !settings.keyId) {
    throw new ConsoleError("not_found", "no demo token endpoint is enabled at this URL: an app owner can turn it on in the console");
  }

  enforceRateLimit("demoPerKey", settings.keyId);

  const { identity, device } = parseInput(demoRequestSchema, await options.readFields());
  const grants: Grants = {};
  for (const name of settings.grants) {
    if (isGrantName(name)) {
      grants[name] = true;
    }
  }

  const signed = await signWithKey({
    appId: options.appId,
    keyId: settings.keyId,
    request: { identity, device, grants, ttl: settings.ttlSeconds },
    origin: options.origin,
  });

  queueAuditEvent({
    appId: options.appId,
    actor: { type: "ANONYMOUS", label: "demo endpoint" },
    action: "token.demo_minted",
    target: { type: "key", id: signed.keyId },
    details: summarizeClaims(signed),
    context: options.context,
  });

  // Debug, not info: the audit log keeps every token, and a public endpoint
  // under load would otherwise write a log line per request.
  logger.debug({ appId: options.appId, keyId: signed.keyId, identity }, "issued demo token");
  return { token: signed.token };
}
