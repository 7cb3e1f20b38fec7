import type { ReactNode } from "react";

// An error message that screen readers announce as soon as it appears.
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
      {children}
    </p>
  );
}
