import { z } from "zod";

import { KNOWN_GRANTS } from "@/lib/tokens/grants";
import { TTL_MAX_SECONDS, TTL_MIN_SECONDS } from "@/lib/tokens/token-rules";

export const demoSettingsSchema = z
  .object({
    enabled: z.boolean(),
    keyId: z.string().trim().optional(),
    grants: z.array(z.enum(KNOWN_GRANTS, { error: `grants must be chosen from ${KNOWN_GRANTS.join(", ")}` })),
    ttlSeconds: z
      .number({ error: "ttl must be an integer number of seconds" })
      .int({ error: "ttl must be an integer number of seconds" })
      .min(TTL_MIN_SECONDS, { error: `ttl must be from ${TTL_MIN_SECONDS} to ${TTL_MAX_SECONDS} seconds` })
      .max(TTL_MAX_SECONDS, { error: `ttl must be from ${TTL_MIN_SECONDS} to ${TTL_MAX_SECONDS} seconds` }),
  })
  .superRefine((settings, context) => {
    if (settings.enabled && !settings.keyId) {
      context.addIssue({ code: "custom", path: ["keyId"], message: "key is required to turn the demo endpoint on: pick an active key" });
    }
  });

export type DemoSettings = z.output<typeof demoSettingsSchema>;
