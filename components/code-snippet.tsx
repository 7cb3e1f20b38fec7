import { CopyButton } from "@/components/copy-button";

// A block of code or shell text with a caption and its own copy button.
export function CodeSnippet({ label, code, testId, copyLabel = "Copy" }: { label: string; code: string; testId?: string; copyLabel?: string }) {
  return (
    <figure className="space-y-1">
      <div className="flex items-center justify-between gap-3">
        <figcaption className="text-sm font-medium text-slate-700">{label}</figcaption>
        <CopyButton value={code} label={copyLabel} />
      </div>
      <pre data-testid={testId} className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
        {code}
      </pre>
    </figure>
  );
}
