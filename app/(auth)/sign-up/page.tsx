import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { AuthForm } from "@/components/auth-form";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getCurrentUser } from "@/lib/auth/current-user";

import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);

  if (await getCurrentUser()) {
    redirect(callbackUrl);
  }

  return (
    <>
      <h1 className="text-xl font-semibold">Create an account</h1>
      <AuthForm mode="sign-up" action={signUpAction} callbackUrl={callbackUrl} />
    </>
  );
}
