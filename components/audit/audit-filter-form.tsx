import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import type { FieldError } from "@/lib/errors/parse-input";

import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";

export interface AuditFilterValues {
  actor: string;
  action: string;
  from: string;
  to: string;
}

// The audit page's filters. It is a plain GET form, so a filtered view is a
// URL that can be bookmarked and shared with other owners.
export function AuditFilterForm({ path, values, errors }: { path: string; values: AuditFilterValues; errors: FieldError[] }) {
  return (
    <form method="get" action={path} className="grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-5 sm:items-end">
      <TextField label="Actor" name="actor" defaultValue={values.actor} placeholder="email, key label or ID" errors={errors} />
      <SelectField label="Action" name="action" defaultValue={values.action} errors={errors}>
        <option value="">Any action</option>
        {AUDIT_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {action}
          </option>
        ))}
      </SelectField>
      <TextField label="From (UTC day)" name="from" type="date" defaultValue={values.from} errors={errors} />
      <TextField label="To (UTC day)" name="to" type="date" defaultValue={values.to} errors={errors} />
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <a href={path} className="inline-flex items-center px-2 text-sm font-semibold text-slate-600 hover:text-slate-900">
          Clear
        </a>
      </div>
    </form>
  );
}
