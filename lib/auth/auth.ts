import "server-only";

import { createHash } from "node:crypto";

import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { getMasterKeys } from "@/lib/crypto/get-master-key";
import { RateLimitError } from "@/lib/errors/rate-limit-error";
import { authenticateUser } from "@/lib/users/authenticate-user";

import { safeCallbackPath } from "./callback-path";
import { checkSessionToken } from "./check-session-token";
import { limitSignIn } from "./limit-sign-in";
import { readSignInClientIp } from "./sign-in-client-ip";
import { SignInRateLimited } from "./sign-in-rate-limited";

// A session ends after 12 hours without a request. Auth.js re-signs the JWT
// with a fresh expiry whenever it reads the session where it can set cookies
// (proxy.ts does so on every page load), so activity keeps a session alive.
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

// Auth.js signs session cookies with AUTH_SECRET. When it is not set, the
// secret is derived from the master encryption key, so a fresh clone needs
// no configuration and every instance sharing the master key agrees. During
// a master key rotation the previous key's secret follows the current one:
// Auth.js signs with the first and accepts cookies signed with any.
async function resolveAuthSecret(): Promise<string | string[]> {
  const configured = process.env.AUTH_SECRET?.trim();
  if (configured) {
    return configured;
  }

  const masterKeys = await getMasterKeys();
  return masterKeys.map((masterKey) => createHash("sha256").update("bit6-console auth.js session secret v1\0").update(masterKey).digest("base64url"));
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => ({
  secret: await resolveAuthSecret(),
  // The console is self-hosted under whatever host name the operator picks,
  // so Auth.js takes the host from the request instead of AUTH_URL.
  trustHost: true,
  // updateAge only throttles database sessions: a JWT is re-signed on every
  // read (@auth/core 0.41, lib/actions/session.js), so it has no effect here.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (credentials, request) => {
        const clientIp = readSignInClientIp(request.headers);
        try {
          limitSignIn({ email: credentials.email, clientIp });
        } catch (error) {
          if (error instanceof RateLimitError) {
            throw new SignInRateLimited(error.retryAfterSeconds);
          }
          throw error;
        }

        const user = await authenticateUser(credentials);
        return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    // The session version is copied into the JWT at sign-in only, and
    // compared with the account's on every later read, so raising the
    // account's version (password change, "sign out everywhere") ends every
    // session signed in before. It is never taken from an update request,
    // which a client could send with any value.
    jwt: ({ token, user }) => {
      if (user?.id) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
        return token;
      }
      return checkSessionToken(token);
    },
    session: ({ session, token }) => {
      if (token.sub) {
        session.user.id = token.sub;
      }
      session.user.sessionVersion = typeof token.sessionVersion === "number" ? token.sessionVersion : 0;
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
