import { ConsoleError } from "@/lib/errors/console-error";

export interface BasicCredentials {
  keyId: string;
  secret: string;
}

const HOW_TO_AUTHENTICATE = "send HTTP Basic auth with the key ID as user name and the secret as password, such as curl -u KEY_ID:SECRET";

// Reads the key ID and secret from an Authorization header (RFC 7617).
// Throws a 401 ConsoleError that explains how to send the header. The
// message never repeats the header's value.
export function parseBasicAuth(header: string | null): BasicCredentials {
  if (header === null || header.trim() === "") {
    throw new ConsoleError("unauthenticated", `missing Authorization header: ${HOW_TO_AUTHENTICATE}`, { field: "authorization" });
  }

  const match = /^basic[ ]+([A-Za-z0-9+/]+={0,2})[ ]*$/i.exec(header);
  if (!match?.[1]) {
    throw new ConsoleError("unauthenticated", `Authorization header is not HTTP Basic auth: ${HOW_TO_AUTHENTICATE}`, { field: "authorization" });
  }

  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const keyId = colon === -1 ? "" : decoded.slice(0, colon);
  const secret = colon === -1 ? "" : decoded.slice(colon + 1);

  if (keyId === "" || secret === "") {
    throw new ConsoleError("unauthenticated", `Authorization header does not hold KEY_ID:SECRET: ${HOW_TO_AUTHENTICATE}`, { field: "authorization" });
  }

  return { keyId, secret };
}
