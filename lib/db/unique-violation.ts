import { Prisma } from "@/lib/generated/prisma/client";

// True when a write failed on a unique index (Prisma code P2002), which is how
// a lost race between two creators shows up.
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
