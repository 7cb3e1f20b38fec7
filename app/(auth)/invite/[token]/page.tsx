import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { LocalTime } from "@/components/local-time";
import { AcceptInvitationForm } from "@/components/members/accept-invitation-form";
import { Button } from "@/components/ui/button";
import { normalizeEmail } from "@/lib/auth/email";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findInvitation, type InvitationView } from "@/lib/members/find-invitation";

import { acceptInvitationAction, signOutForInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

// The page an invitation link opens. Signed-out visitors sign in or sign up
// and come back here; a signed-in visitor with the invited email joins with
// one click. Opening the page changes nothing by itself.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation({ token });

  if (!invitation) {
    return (
      <Notice title="Invitation not found">
        This invitation link is not valid: it may have been revoked or copied incompletely. Ask an app owner for a new link.
      </Notice>
    );
  }
  if (invitation.status === "accepted") {
    return <Notice title="Invitation already used">This invitation link was already used. Each link works once; ask an owner of {invitation.appName} for a new one.</Notice>;
  }
  if (invitation.status === "expired") {
    return (
      <Notice title="Invitation expired">
        This invitation expired on <LocalTime value={invitation.expiresAt} />. Ask an owner of {invitation.appName} for a new link.
      </Notice>
    );
  }

  const user = await getCurrentUser();
  const returnPath = `/invite/${token}`;

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Join {invitation.appName}</h1>
      <InvitationSummary invitation={invitation} />

      {!user ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">Sign in with {invitation.email}, or create an account with that email, to accept.</p>
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(returnPath)}`}
            className="block rounded-md bg-indigo-600 px-3 py-2 text-center text-sm font-semibold text-white hover:bg-indigo-500"
          >
            Sign in
          </Link>
          <Link
            href={`/sign-up?callbackUrl=${encodeURIComponent(returnPath)}`}
            className="block rounded-md bg-white px-3 py-2 text-center text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            Create an account
          </Link>
        </div>
      ) : normalizeEmail(user.email) === invitation.email ? (
        <AcceptInvitationForm appName={invitation.appName} action={acceptInvitationAction.bind(null, token)} />
      ) : (
        <div className="space-y-3">
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            You are signed in as {user.email}, but this invitation is for {invitation.email}. Sign out and sign in with the invited email, or ask for an
            invitation to your own.
          </p>
          <form action={signOutForInvitationAction.bind(null, token)}>
            <Button type="submit" variant="secondary" className="w-full">
              Sign out
            </Button>
          </form>
        </div>
      )}
    </div>
  );
}

function InvitationSummary({ invitation }: { invitation: InvitationView }) {
  return (
    <dl className="space-y-1 rounded-md bg-slate-50 px-3 py-2 text-sm">
      <div className="flex gap-2">
        <dt className="text-slate-500">For</dt>
        <dd className="font-medium">{invitation.email}</dd>
      </div>
      <div className="flex gap-2">
        <dt className="text-slate-500">Role</dt>
        <dd className="font-medium">{invitation.role.toLowerCase()}</dd>
      </div>
      <div className="flex gap-2">
        <dt className="text-slate-500">Valid until</dt>
        <dd>
          <LocalTime value={invitation.expiresAt} />
        </dd>
      </div>
    </dl>
  );
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-slate-600">{children}</p>
      <Link href="/apps" className="text-sm font-semibold text-indigo-600">
        Go to the console
      </Link>
    </div>
  );
}
