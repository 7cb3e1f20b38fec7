import "server-only";

import pino from "pino";

// Fields that may carry credentials. pino replaces them wherever they appear
// in a log object, as a second line of defence: code must not log them at all.
const REDACTED_PATHS = [
  "secret",
  "*.secret",
  "password",
  "*.password",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "cookie",
  "masterKey",
  "*.masterKey",
];

export const logger = pino({
  name: "bit6-console",
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  base: { pid: process.pid },
});
