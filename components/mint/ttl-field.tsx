"use client";

import { FieldErrors } from "@/components/ui/field-errors";
import type { FieldError } from "@/lib/errors/parse-input";
import { TTL_MAX_SECONDS, TTL_MIN_SECONDS } from "@/lib/tokens/token-rules";

export const TTL_PRESETS = [
  { seconds: "60", label: "1 minute" },
  { seconds: "900", label: "15 minutes" },
  { seconds: "3600", label: "1 hour" },
  { seconds: "86400", label: "24 hours" },
] as const;

export const CUSTOM_TTL = "custom";

// The token lifetime: a preset, or any number of seconds typed in. The
// server validates the value, and its error shows under the control that
// set it.
export function TtlField({
  preset,
  custom,
  onPresetChange,
  onCustomChange,
  errors,
}: {
  preset: string;
  custom: string;
  onPresetChange: (preset: string) => void;
  onCustomChange: (custom: string) => void;
  errors: FieldError[];
}) {
  const isCustom = preset === CUSTOM_TTL;
  const invalid = errors.some((error) => error.field === "ttl");

  return (
    <div className="space-y-2">
      <div className="space-y-1">
        <label htmlFor="ttl-preset" className="block text-sm font-medium text-slate-700">
          TTL
        </label>
        <select
          id="ttl-preset"
          value={preset}
          onChange={(event) => onPresetChange(event.target.value)}
          aria-invalid={invalid && !isCustom ? true : undefined}
          aria-describedby={invalid && !isCustom ? "ttl-error" : undefined}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
        >
          {TTL_PRESETS.map((option) => (
            <option key={option.seconds} value={option.seconds}>
              {option.label}
            </option>
          ))}
          <option value={CUSTOM_TTL}>Custom</option>
        </select>
      </div>

      {isCustom ? (
        <div className="space-y-1">
          <label htmlFor="ttl-custom" className="block text-sm font-medium text-slate-700">
            Custom TTL (seconds)
          </label>
          <input
            id="ttl-custom"
            type="number"
            inputMode="numeric"
            min={TTL_MIN_SECONDS}
            max={TTL_MAX_SECONDS}
            step={1}
            value={custom}
            onChange={(event) => onCustomChange(event.target.value)}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? "ttl-error ttl-hint" : "ttl-hint"}
            className={`block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-indigo-600 ${invalid ? "ring-red-400" : "ring-slate-300"}`}
          />
          <p id="ttl-hint" className="text-xs text-slate-500">
            From {TTL_MIN_SECONDS} to {TTL_MAX_SECONDS} seconds.
          </p>
        </div>
      ) : null}

      <FieldErrors id="ttl-error" field="ttl" errors={errors} />
    </div>
  );
}

// The ttl text the form submits for the chosen preset or custom value.
export function resolveTtl(preset: string, custom: string): string {
  return preset === CUSTOM_TTL ? custom : preset;
}
