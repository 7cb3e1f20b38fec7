import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <p className="text-center text-lg font-bold tracking-tight">Bit6 Console</p>
        {children}
      </div>
    </main>
  );
}
