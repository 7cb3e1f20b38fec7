import { quoteShellArgument } from "./quote-shell-argument";

// Characters that mean the same in form encoding as typed. Anything else,
// such as '+' (a space in form encoding) or '&', goes through
// --data-urlencode so the server receives exactly the value shown.
const FORM_SAFE = /^[A-Za-z0-9._~-]+$/;

// Builds the curl command that requests a token from an app's demo endpoint.
export function buildDemoCurlCommand(options: { url: string; identity: string; device: string }): string {
  const fields = [formArgument("identity", options.identity), formArgument("device", options.device)];
  return `curl -X POST ${fields.join(" ")} ${quoteShellArgument(options.url)}`;
}

function formArgument(name: string, value: string): string {
  if (FORM_SAFE.test(value)) {
    return `-d ${name}=${value}`;
  }

  return `--data-urlencode ${quoteShellArgument(`${name}=${value}`)}`;
}
