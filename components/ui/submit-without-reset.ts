import { startTransition, type FormEvent } from "react";

// Builds an onSubmit handler that sends the form to a useActionState action.
// A form with `action={formAction}` is reset by React after every submission,
// which clears typed text after a rejected submission and puts controlled
// checkboxes and selects back to their default values on screen while their
// state keeps the submitted ones. Submitting through onSubmit skips that reset.
export function submitWithoutReset(formAction: (form: FormData) => void): (event: FormEvent<HTMLFormElement>) => void {
  return (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  };
}
