// Characters a POSIX shell passes through unchanged outside quotes.
const SHELL_SAFE = /^[A-Za-z0-9._~:/@%+=,-]+$/;

// Quotes `value` for a POSIX shell command line, only when it needs it, so
// ordinary values stay readable in copied commands.
export function quoteShellArgument(value: string): string {
  if (SHELL_SAFE.test(value)) {
    return value;
  }

  return `'${value.replace(/'/g, `'\\''`)}'`;
}
