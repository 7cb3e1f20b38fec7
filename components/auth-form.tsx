"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors/action-result";

type AuthAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

// The sign-in and sign-up form. Fields keep their values after an error, so
// nothing typed is lost. `defaultEmail` fills in an invited email, and
// `signUpAllowed` false hides the link to sign up when self sign-up is off.
export function AuthForm({
  mode,
  action,
  callbackUrl,
  defaultEmail,
  signUpAllowed = true,
}: {
  mode: "sign-in" | "sign-up";
  action: AuthAction;
  callbackUrl: string;
  defaultEmail?: string;
  signUpAllowed?: boolean;
}) {
  const [result, formAction, pending] = useActionState(action, { status: "idle" } as ActionResult);
  const errors = result.status === "error" ? result.fieldErrors : [];
  const isSignUp = mode === "sign-up";

  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {isSignUp ? <TextField label="Name (optional)" name="name" autoComplete="name" errors={errors} /> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={defaultEmail} required errors={errors} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete={isSignUp ? "new-password" : "current-password"}
        required
        errors={errors}
        hint={isSignUp ? "At least 12 characters." : undefined}
      />
      <FormMessage result={result} fields={["email", "password", "name"]} />
      <Button type="submit" className="w-full" disabled={pending}>
        {isSignUp ? "Create account" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {isSignUp ? (
          <>
            Already have an account? <Link className="font-semibold text-indigo-600" href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
          </>
        ) : signUpAllowed ? (
          <>
            New here? <Link className="font-semibold text-indigo-600" href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
          </>
        ) : (
          <>New accounts need an invitation link from an app owner.</>
        )}
      </p>
    </form>
  );
}
