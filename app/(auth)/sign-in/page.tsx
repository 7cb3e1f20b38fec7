import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { AuthForm } from "@/components/auth-form";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isSelfSignUpAllowed } from "@/lib/auth/sign-up-policy";
import { invitationTokenFromPath } from "@/lib/members/invitation-token";

import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);

  if (await getCurrentUser()) {
    redirect(callbackUrl);
  }

  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <AuthForm
        mode="sign-in"
        action={signInAction}
        callbackUrl={callbackUrl}
        signUpAllowed={isSelfSignUpAllowed() || invitationTokenFromPath(callbackUrl) !== null}
      />
    </>
  );
}
