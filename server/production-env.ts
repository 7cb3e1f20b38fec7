// Sets NODE_ENV to production unless the caller chose otherwise, because the
// bundle serves the production build as `next start` does. server/main.ts
// imports this first and loads Next.js and React only afterwards. Next.js
// types NODE_ENV as read-only.
const env = process.env as Record<string, string | undefined>;
env.NODE_ENV ??= "production";
