import type { Grants } from "@/lib/tokens/grants";

export interface SnippetClaims {
  aud: string;
  grants: Grants;
  sub?: string;
  iat: number;
  exp?: number;
}

// Builds Node.js code that signs a token with the same claims, in the same
// order, as `claims`, using jose. The key ID and secret are read from the
// environment, so the snippet never contains a secret.
export function buildNodeSigningSnippet(claims: SnippetClaims): string {
  const lines = [
    "// npm install jose",
    'import { SignJWT } from "jose";',
    "",
    "const secret = new TextEncoder().encode(process.env.BIT6_KEY_SECRET);",
    "const now = Math.floor(Date.now() / 1000);",
    "",
    "const token = await new SignJWT({",
    `  aud: ${JSON.stringify(claims.aud)},`,
    "  iss: process.env.BIT6_KEY_ID,",
    "  iat: now,",
    `  grants: ${JSON.stringify(claims.grants)},`,
  ];

  if (claims.sub !== undefined) {
    lines.push(`  sub: ${JSON.stringify(claims.sub)},`);
  }
  if (claims.exp !== undefined) {
    lines.push(`  exp: now + ${claims.exp - claims.iat},`);
  }

  lines.push("})", '  .setProtectedHeader({ typ: "JWT", alg: "HS256" })', "  .sign(secret);");
  return lines.join("\n");
}
