"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { segment: "keys", label: "Keys" },
  { segment: "mint", label: "Mint token" },
  { segment: "demo", label: "Demo endpoint" },
] as const;

// The tabs of an app's pages, with the current one marked for screen readers.
export function AppTabs({ appId }: { appId: string }) {
  const pathname = usePathname();

  return (
    <nav aria-label="App" className="border-b border-slate-200">
      <ul className="-mb-px flex gap-6">
        {TABS.map((tab) => {
          const href = `/apps/${appId}/${tab.segment}`;
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={tab.segment}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-1 pb-3 text-sm font-medium ${current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
