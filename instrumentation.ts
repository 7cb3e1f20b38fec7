// Next.js calls register() once when the server starts, before it serves
// requests. The console uses it to fail fast on a bad database or master key.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareConsoleOrExit } = await import("@/lib/startup/prepare-console");
    await prepareConsoleOrExit();

    const { hookGracefulShutdown } = await import("@/lib/startup/hook-graceful-shutdown");
    hookGracefulShutdown();
  }
}

// Next.js calls this for every error a page, action or route handler throws.
// A database outage found here makes the following requests get the 503 page.
export async function onRequestError(error: unknown): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") {
    return;
  }

  const { reportDatabaseError } = await import("@/lib/db/database-health");
  reportDatabaseError(error);
}
