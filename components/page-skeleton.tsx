// Grey placeholder blocks shown by loading.tsx while a page's data loads.
export function PageSkeleton({ rows = 3, label = "Loading" }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="animate-pulse space-y-4">
      <div className="h-7 w-48 rounded bg-slate-200" />
      <div className="h-4 w-80 rounded bg-slate-200" />
      <div className="space-y-2 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="h-9 rounded bg-slate-100" />
        ))}
      </div>
      <span className="sr-only">{label}…</span>
    </div>
  );
}
