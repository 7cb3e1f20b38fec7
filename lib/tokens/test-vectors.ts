// Test-only: loads the shared Bit6 v2 token vectors that the reference builder produced.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import * as z from "zod";

const claimsSchema = z.record(z.string(), z.unknown());

const vectorsSchema = z.object({
  clock: z.number().int(),
  key: z.object({ id: z.string(), secret: z.string() }),
  valid: z.array(
    z.object({
      name: z.string(),
      input: z.object({
        identity: z.string().optional(),
        device: z.string().optional(),
        grants: z.record(z.string(), z.boolean()),
        ttl: z.number().optional(),
        exp: z.number().optional(),
        env: z.string().optional(),
        aud: z.string().optional(),
        access: z.enum(["client", "server"]).optional(),
      }),
      token: z.string(),
      header: claimsSchema,
      claims: claimsSchema,
    }),
  ),
  invalid: z.array(z.object({ name: z.string(), token: z.string(), expected: z.string() })),
  pasteForms: z.object({ forms: z.array(z.string()) }),
});

export type TestVectors = z.output<typeof vectorsSchema>;

/** Resolved from the current directory, because vitest runs from the repository root. */
export const TEST_VECTORS_PATH = path.resolve(process.cwd(), "../shared/vectors/bit6-v2-tokens.json");

function readTestVectors(): TestVectors {
  if (!existsSync(TEST_VECTORS_PATH)) {
    throw new Error(
      `token test vectors not found at ${TEST_VECTORS_PATH}: run vitest from the repository root (current directory ${process.cwd()})`,
    );
  }

  const json: unknown = JSON.parse(readFileSync(TEST_VECTORS_PATH, "utf8"));
  const parsed = vectorsSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`token test vectors at ${TEST_VECTORS_PATH} have an unexpected shape: ${parsed.error.message}`);
  }

  return parsed.data;
}

export const testVectors: TestVectors = readTestVectors();

/** valid[0], the token that every paste form contains. */
export const firstValidVector = requireVector(testVectors.valid[0]);

/** Splits a compact token into header, payload and signature text. */
export function splitTestToken(token: string): [string, string, string] {
  const [header, payload, signature, ...rest] = token.split(".");
  if (header === undefined || payload === undefined || signature === undefined || rest.length > 0) {
    throw new Error(`expected a token with 3 segments, got ${JSON.stringify(token)}`);
  }

  return [header, payload, signature];
}

function requireVector<T>(vector: T | undefined): T {
  if (vector === undefined) {
    throw new Error(`token test vectors at ${TEST_VECTORS_PATH} have no valid cases`);
  }
  return vector;
}
