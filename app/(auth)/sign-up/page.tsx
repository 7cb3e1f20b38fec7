import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { AuthForm } from "@/components/auth-form";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isSelfSignUpAllowed } from "@/lib/auth/sign-up-policy";
import { findInvitation } from "@/lib/members/find-invitation";
import { invitationTokenFromPath } from "@/lib/members/invitation-token";

import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);

  if (await getCurrentUser()) {
    redirect(callbackUrl);
  }

  // A sign-up that starts from an invitation link comes back to it, and
  // fills in the invited email.
  const invitationToken = invitationTokenFromPath(callbackUrl);
  const invitation = invitationToken ? await findInvitation({ token: invitationToken }) : null;
  const pendingInvitation = invitation?.status === "pending" ? invitation : null;

  if (!isSelfSignUpAllowed() && !pendingInvitation) {
    return (
      <>
        <h1 className="text-xl font-semibold">Sign-up is turned off</h1>
        <p className="text-sm text-slate-600" data-testid="sign-up-disabled">
          This console creates accounts by invitation only. Ask an app owner to add your email, then open the invitation link they send you.
        </p>
        <Link href="/sign-in" className="text-sm font-semibold text-indigo-600">
          Sign in with an existing account
        </Link>
      </>
    );
  }

  return (
    <>
      <h1 className="text-xl font-semibold">Create an account</h1>
      {pendingInvitation ? (
        <p className="text-sm text-slate-600">
          You are invited to {pendingInvitation.appName}. Sign up with {pendingInvitation.email} to accept.
        </p>
      ) : null}
      <AuthForm mode="sign-up" action={signUpAction} callbackUrl={callbackUrl} defaultEmail={pendingInvitation?.email} />
    </>
  );
}
