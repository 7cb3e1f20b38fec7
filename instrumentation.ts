// Next.js calls register() once when the server starts, before it serves
// requests. The console uses it to fail fast on a bad database or master key.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareConsoleOrExit } = await import("@/lib/startup/prepare-console");
    await prepareConsoleOrExit();
  }
}
