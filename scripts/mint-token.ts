// `npm run token`: mints a Bit6 v2 access token locally with the same
// library as the console (lib/tokens/build-token.ts), or decodes one. It
// needs no server and no database. Exit codes: 0 on success, 1 when a
// decoded token does not verify, 2 for invalid flags.
import { parseArgs } from "node:util";

import { KEY_ID_PATTERN } from "@/lib/keys/key-id-pattern";
import { IMPORTED_SECRET_MIN_BYTES } from "@/lib/keys/key-input";
import { buildToken, TokenInputError } from "@/lib/tokens/build-token";
import { decodeToken } from "@/lib/tokens/decode-token";
import { parseGrants, type Grants } from "@/lib/tokens/grants";
import { TTL_DEFAULT_SECONDS } from "@/lib/tokens/token-rules";
import { verifyToken } from "@/lib/tokens/verify-token";

const USAGE = `Usage:
  npm run token -- --key-id ID --secret SECRET --identity NAME --device NAME [--grants LIST] [--ttl SECONDS] [--iat SECONDS]
  npm run token -- --decode TOKEN [--key-id ID --secret SECRET]

Mints a Bit6 v2 access token (HS256 JWT) and prints it, or decodes one.

Options:
  --key-id ID        key ID, the token's iss claim
  --secret SECRET    the key's secret; BIT6_KEY_SECRET is read when the flag is left out,
                     which keeps the secret out of the shell history
  --identity NAME    user identity, the first part of sub
  --device NAME      device ID, the second part of sub
  --grants LIST      services to grant: a list such as chat,video or a JSON object such as
                     '{"chat":true}' (default: none)
  --ttl SECONDS      lifetime in seconds, from 60 to 86400 (default: ${TTL_DEFAULT_SECONDS})
  --iat SECONDS      issue time in seconds since the epoch (default: now), for reproducible tokens
  --decode TOKEN     print the token's header and claims; with --key-id and --secret, also
                     verify its signature and times
  --help             print this help`;

class UsageError extends Error {}

// buildToken's option names that differ from the flags that set them.
const FLAG_OF_FIELD: Record<string, string> = { key: "key-id", now: "iat" };

async function main(argv: string[]): Promise<number> {
  const { values } = readFlags(argv);

  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const secret = values.secret ?? process.env.BIT6_KEY_SECRET;

  if (values.decode !== undefined) {
    return decode(values.decode, values["key-id"], secret);
  }

  const keyId = readKeyId(requireFlag("key-id", values["key-id"]));
  const token = await buildToken({
    key: { id: keyId, secret: readSecret(requireFlag("secret", secret)) },
    identity: requireFlag("identity", values.identity),
    device: requireFlag("device", values.device),
    grants: readGrants(values.grants),
    ttl: values.ttl === undefined ? TTL_DEFAULT_SECONDS : readSeconds("ttl", values.ttl),
    now: values.iat === undefined ? undefined : readSeconds("iat", values.iat),
  });

  process.stdout.write(`${token}\n`);
  return 0;
}

function readFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        "key-id": { type: "string" },
        secret: { type: "string" },
        identity: { type: "string" },
        device: { type: "string" },
        grants: { type: "string" },
        ttl: { type: "string" },
        iat: { type: "string" },
        decode: { type: "string" },
        help: { type: "boolean" },
      },
    });
  } catch (error) {
    // parseArgs names the unknown or incomplete flag in its message.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function requireFlag(name: string, value: string | undefined): string {
  if (value === undefined || value === "") {
    const hint = name === "secret" ? " (or set BIT6_KEY_SECRET)" : "";
    throw new UsageError(`--${name} is required${hint}`);
  }
  return value;
}

// The console's key IDs and the ones it imports follow one format, so any
// other value is a typo or a value copied from the wrong field.
function readKeyId(keyId: string): string {
  if (!KEY_ID_PATTERN.test(keyId)) {
    throw new UsageError(`--key-id must be 32 lowercase hex characters, as the console shows it, got '${keyId}'`);
  }
  return keyId;
}

// The console rejects shorter secrets on import, so a shorter one here is a
// truncated paste. The message gives its length, never the secret.
function readSecret(secret: string): string {
  const bytes = Buffer.byteLength(secret, "utf8");
  if (bytes < IMPORTED_SECRET_MIN_BYTES) {
    throw new UsageError(`--secret is ${bytes} bytes long, but key secrets have at least ${IMPORTED_SECRET_MIN_BYTES}: copy BIT6_KEY_SECRET from the key's .env snippet`);
  }
  return secret;
}

function readSeconds(name: string, text: string): number {
  if (!/^\d+$/.test(text)) {
    throw new UsageError(`--${name} must be a whole number of seconds, got '${text}'`);
  }
  return Number(text);
}

function readGrants(text: string | undefined): Grants {
  if (text === undefined) {
    return {};
  }

  let input: unknown = text;
  if (text.trim().startsWith("{")) {
    try {
      input = JSON.parse(text);
    } catch {
      throw new UsageError(`--grants is not valid JSON: write a list such as chat,video or an object such as '{"chat":true}'`);
    }
  }

  const result = parseGrants(input);
  if (!result.ok) {
    throw new UsageError(`--grants: ${result.message}`);
  }
  return result.grants;
}

async function decode(token: string, keyId: string | undefined, secret: string | undefined): Promise<number> {
  const decoded = decodeToken(token);
  if (!decoded.ok) {
    process.stderr.write(`cannot decode the token: ${decoded.message}\n`);
    return 1;
  }

  const output: Record<string, unknown> = { header: decoded.header, claims: decoded.payload };

  if (keyId === undefined || secret === undefined) {
    output.verified = false;
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    process.stderr.write("unverified: pass --key-id and --secret to check the signature\n");
    return 0;
  }

  const result = await verifyToken(token, {
    findKey: async (iss) => (iss === keyId ? { id: keyId, secret, status: "active", appId: "", appName: "command line" } : null),
  });
  output.verdict = result.verdict;
  output.message = result.message;
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return result.verdict === "valid" ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof TokenInputError) {
      const flag = error instanceof TokenInputError ? `--${FLAG_OF_FIELD[error.field] ?? error.field}: ` : "";
      process.stderr.write(`error: ${flag}${error.message}\nRun npm run token -- --help for usage.\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
