// Next.js calls register() once when the server starts, before it serves
// requests. The console uses it to fail fast on a bad database or master key.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") {
    return;
  }

  const { prepareConsole } = await import("@/lib/startup/prepare-console");
  const { logger } = await import("@/lib/log/logger");

  try {
    await prepareConsole();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, `the console cannot start: ${message}`);
    process.exit(1);
  }
}
