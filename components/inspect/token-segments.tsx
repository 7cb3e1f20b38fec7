// Segment colours follow jwt.io, which most people know: header red,
// payload purple, signature blue.
const SEGMENT_CLASSES = ["text-rose-600", "text-purple-700", "text-sky-600"] as const;
const SEGMENT_NAMES = ["header", "payload", "signature"] as const;

// Shows the token with each dot-separated segment in its own colour. Extra
// segments of a malformed token stay uncoloured.
export function TokenSegments({ token }: { token: string }) {
  const parts = token.split(".");

  return (
    <code data-testid="token-segments" className="block break-all rounded-md bg-white p-3 font-mono text-sm ring-1 ring-slate-200">
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 ? <span className="text-slate-400">.</span> : null}
          <span className={SEGMENT_CLASSES[index] ?? "text-slate-500"} data-segment={SEGMENT_NAMES[index] ?? "extra"}>
            {part}
          </span>
        </span>
      ))}
    </code>
  );
}
