"use client";

import { useState } from "react";

// Copies `value` to the clipboard. The value stays in the browser: it is
// never sent anywhere by this button.
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setFailed(false);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard access needs a secure context (HTTPS or localhost).
      setFailed(true);
    }
  }

  let text = label;
  if (copied) {
    text = "Copied";
  } else if (failed) {
    text = "Copy failed: select and copy by hand";
  }

  return (
    <button
      type="button"
      onClick={copy}
      className="whitespace-nowrap rounded-md bg-white px-2 py-1 text-xs font-semibold text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
    >
      {text}
    </button>
  );
}
