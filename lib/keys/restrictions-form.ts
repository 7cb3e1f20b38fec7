// The restrictions form's fields as the browser submits them.
export interface RestrictionsFormFields {
  allowedGrants: string[];
  maxTtlSeconds?: string;
  // One origin a line.
  allowedOrigins?: string;
}

// Converts the restrictions form to the input updateKeyRestrictions
// validates. An empty maximum TTL becomes null (no maximum), and blank
// origin lines are skipped. Text that is not a whole number is passed on as
// text, so the schema rejects it with its own message instead of it turning
// into NaN here.
export function readRestrictionsForm(fields: RestrictionsFormFields): { allowedGrants: string[]; maxTtlSeconds: number | string | null; allowedOrigins: string[] } {
  const maxTtl = fields.maxTtlSeconds?.trim() ?? "";

  return {
    allowedGrants: fields.allowedGrants,
    maxTtlSeconds: maxTtl === "" ? null : /^\d+$/.test(maxTtl) ? Number(maxTtl) : maxTtl,
    allowedOrigins: (fields.allowedOrigins ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  };
}
