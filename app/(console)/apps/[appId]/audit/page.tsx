import type { Metadata } from "next";

import { AuditFilterForm, type AuditFilterValues } from "@/components/audit/audit-filter-form";
import { AuditTable } from "@/components/audit/audit-table";
import { auditFilterSchema } from "@/lib/audit/audit-filters";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { isConsoleError } from "@/lib/errors/console-error";
import { toFieldErrors } from "@/lib/errors/parse-input";
import { roleAllows } from "@/lib/permissions/permissions";
import { requireAppForPage } from "@/lib/permissions/require-app-for-page";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({ params, searchParams }: { params: Promise<{ appId: string }>; searchParams: Promise<SearchParams> }) {
  const { appId } = await params;
  const query = await searchParams;
  const path = `/apps/${appId}/audit`;
  const { actor, role } = await requireAppForPage({ appId, path });

  if (!roleAllows(role, "audit.read")) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
        Only app owners can read the audit log, because it records the IP addresses of members and API clients.
      </p>
    );
  }

  const values: AuditFilterValues = { actor: first(query.actor), action: first(query.action), from: first(query.from), to: first(query.to) };
  const parsed = auditFilterSchema.safeParse(values);
  const errors = parsed.success ? [] : toFieldErrors(parsed.error);
  const after = first(query.after) || undefined;
  const { page, cursorError } = parsed.success ? await readPage({ actor, appId, filters: parsed.data, after }) : { page: null, cursorError: null };
  const filterQuery = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ""));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h2 className="text-lg font-semibold">Audit log</h2>
          <p className="text-sm text-slate-600">
            Every key, member and settings change, every token minted through the console, the API or the demo endpoint, and every failed API
            sign-in. Entries cannot be edited or deleted; they are pruned after the retention set in Settings.
          </p>
        </div>
        {parsed.success ? (
          <a
            href={`/api/console/apps/${appId}/audit/export?${filterQuery}`}
            className="inline-flex items-center rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            Export CSV
          </a>
        ) : null}
      </div>

      <AuditFilterForm path={path} values={values} errors={errors} />

      {cursorError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
          {cursorError}
        </p>
      ) : null}

      {page === null ? null : page.entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600" data-testid="audit-empty">
          No entries match these filters.
        </p>
      ) : (
        <AuditTable entries={page.entries} />
      )}

      <nav aria-label="Audit log pages" className="flex justify-between text-sm font-semibold">
        {after ? (
          <a href={`${path}?${filterQuery}`} className="text-indigo-600">
            ← Newest entries
          </a>
        ) : (
          <span />
        )}
        {page?.nextCursor ? (
          <a href={`${path}?${new URLSearchParams([...filterQuery, ["after", page.nextCursor]])}`} className="text-indigo-600">
            Older entries →
          </a>
        ) : null}
      </nav>
    </div>
  );
}

// A hand-edited or stale `after` cursor is shown as a message above the
// filters' results instead of failing the whole page.
async function readPage(options: Parameters<typeof listAuditEvents>[0]) {
  try {
    return { page: await listAuditEvents(options), cursorError: null };
  } catch (error) {
    if (isConsoleError(error) && error.code === "invalid_input") {
      return { page: null, cursorError: error.message };
    }
    throw error;
  }
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}
