// `npm run user:create -- --email EMAIL --password PASSWORD [--name NAME]
// [--app APP --role ROLE]`: creates an account without the browser. Run with
// `tsx --conditions=react-server`, so that `server-only` resolves to its
// empty module as it does inside Next.js.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const USAGE = `Usage: npm run user:create -- --email EMAIL (--password PASSWORD | --password-stdin) [--name NAME] [--app APP] [--role owner|developer|viewer]

  --email EMAIL       email of the new account
  --password TEXT     its password, at least 12 characters (shell history keeps it: prefer --password-stdin)
  --password-stdin    read the password from the first line of standard input
  --name NAME         display name (optional)
  --app APP           ID or exact name of an app to join; a name no app has creates a new app owned by the account
  --role ROLE         role in that app: owner (default), developer or viewer`;

function readArguments() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean" },
      name: { type: "string" },
      app: { type: "string" },
      role: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });

  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }

  if (values.password !== undefined && values["password-stdin"]) {
    throw new Error("pass either --password or --password-stdin, not both");
  }

  const password = values["password-stdin"] ? (readFileSync(0, "utf8").split(/\r?\n/)[0] ?? "") : values.password;
  return { email: values.email, password, name: values.name, app: values.app, role: values.role };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof readArguments>;
  try {
    args = readArguments();
  } catch (error) {
    console.error(`user:create: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }

  // The console's info logs (migrations applied, key loaded) would bury the
  // result; warnings and errors still show.
  process.env.LOG_LEVEL ??= "warn";
  const [{ bootstrapUser }, { closeDatabase }, { isConsoleError }, { InputError }] = await Promise.all([
    import("@/lib/users/bootstrap-user"),
    import("@/lib/db/get-db"),
    import("@/lib/errors/console-error"),
    import("@/lib/errors/parse-input"),
  ]);

  try {
    const result = await bootstrapUser({
      input: { account: { email: args.email, password: args.password, name: args.name }, app: args.app, role: args.role },
    });

    console.log(`Created account ${result.email} (user ID ${result.userId}).`);
    if (result.app) {
      const verb = result.app.created ? "Created app" : "Joined app";
      console.log(`${verb} ${result.app.name} (app ID ${result.app.id}) as ${result.app.role.toLowerCase()}.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      for (const fieldError of error.fieldErrors) {
        console.error(`user:create: --${fieldError.field.replace(/^account\./, "")}: ${fieldError.message}`);
      }
      return 2;
    }
    if (isConsoleError(error)) {
      console.error(`user:create: ${error.message}`);
      return 1;
    }
    console.error("user:create: failed:", error);
    return 1;
  } finally {
    await closeDatabase();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("user:create: failed:", error);
    process.exit(1);
  },
);
