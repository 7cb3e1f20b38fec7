import "server-only";

// Retry-After, in seconds, sent while the database is down.
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Shown to clients during an outage. It names no host or query.
export const DATABASE_UNAVAILABLE_MESSAGE = `the database is unavailable: try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds`;

// Node socket errors: the server refused the connection, dropped it or timed out.
const SOCKET_ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);

// Prisma's codes for an unreachable server, a closed connection and a pool
// that timed out (https://www.prisma.io/docs/orm/reference/error-reference).
const PRISMA_UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

// Error kinds that @prisma/adapter-pg 7 reports in
// meta.driverAdapterError.cause.kind for the same failures.
const ADAPTER_UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

// node-postgres's messages for a connection that ended under a query.
const PG_CONNECTION_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/, /^Client has encountered a connection error/];

// True when an error means the database server cannot be reached or is
// going away (shutting down, restarting, out of connections), so the same
// request may succeed later. SQLSTATE class 08 is a connection exception,
// 57P01 to 57P03 mean the server is shutting down or starting up, and 53300
// means too many connections. Walks the `cause` chain and Prisma's driver
// adapter error, because each layer wraps the one below.
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;

  while (current !== null && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if (describesUnavailable(current as Record<string, unknown>)) {
      return true;
    }

    const record = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    current = record.meta?.driverAdapterError ?? record.cause;
  }

  return false;
}

function describesUnavailable(error: Record<string, unknown>): boolean {
  // The adapter keeps the SQLSTATE in `originalCode`, pg itself in `code`.
  let code = "";
  if (typeof error.code === "string") {
    code = error.code;
  } else if (typeof error.originalCode === "string") {
    code = error.originalCode;
  }

  if (SOCKET_ERROR_CODES.has(code) || PRISMA_UNAVAILABLE_CODES.has(code)) {
    return true;
  }
  if (/^08[0-9A-Z]{3}$/.test(code) || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300") {
    return true;
  }
  if (typeof error.kind === "string" && ADAPTER_UNAVAILABLE_KINDS.has(error.kind)) {
    return true;
  }

  const message = typeof error.message === "string" ? error.message : "";
  return PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(message));
}
