import "server-only";

import { createHash } from "node:crypto";

import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { getMasterKey } from "@/lib/crypto/get-master-key";
import { RateLimitError } from "@/lib/errors/rate-limit-error";
import { readTrustedProxies, resolveClientIp } from "@/lib/http/resolve-client-ip";
import { authenticateUser } from "@/lib/users/authenticate-user";

import { safeCallbackPath } from "./callback-path";
import { limitSignIn } from "./limit-sign-in";
import { SignInRateLimited } from "./sign-in-rate-limited";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

// Auth.js signs session cookies with AUTH_SECRET. When it is not set, the
// secret is derived from the master encryption key, so a fresh clone needs
// no configuration and every instance sharing the master key agrees.
async function resolveAuthSecret(): Promise<string> {
  const configured = process.env.AUTH_SECRET?.trim();
  if (configured) {
    return configured;
  }

  const masterKey = await getMasterKey();
  return createHash("sha256").update("bit6-console auth.js session secret v1\0").update(masterKey).digest("base64url");
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => ({
  secret: await resolveAuthSecret(),
  // The console is self-hosted under whatever host name the operator picks,
  // so Auth.js takes the host from the request instead of AUTH_URL.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (credentials, request) => {
        // Auth.js builds `request` from the incoming request's headers, so
        // X-Forwarded-For is the one the HTTP front or Next.js set.
        const clientIp = resolveClientIp({ forwardedFor: request.headers.get("x-forwarded-for"), trustedProxies: readTrustedProxies() });
        try {
          limitSignIn({ email: credentials.email, clientIp });
        } catch (error) {
          if (error instanceof RateLimitError) {
            throw new SignInRateLimited(error.retryAfterSeconds);
          }
          throw error;
        }

        const user = await authenticateUser(credentials);
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user?.id) {
        token.sub = user.id;
      }
      return token;
    },
    session: ({ session, token }) => {
      if (token.sub) {
        session.user.id = token.sub;
      }
      return session;
    },
    redirect: ({ url, baseUrl }) => {
      if (url.startsWith(baseUrl)) {
        return `${baseUrl}${safeCallbackPath(url.slice(baseUrl.length) || "/")}`;
      }
      return `${baseUrl}${safeCallbackPath(url)}`;
    },
  },
}));
