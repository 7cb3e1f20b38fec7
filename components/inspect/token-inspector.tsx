"use client";

import { useEffect, useEffectEvent, useMemo, useRef, useState, useTransition, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors/action-result";
import type { TokenVerdict } from "@/lib/inspect/summarize-verdict";
import { decodeToken, normalizeTokenInput, type DecodedToken } from "@/lib/tokens/decode-token";

import { ClaimsTable } from "./claims-table";
import { GrantBadges } from "./grant-badges";
import { takeHandedOverToken } from "./inspect-token-storage";
import { TokenSegments } from "./token-segments";
import { VerdictPanel } from "./verdict-panel";

type VerifyAction = (token: string) => Promise<ActionResult<TokenVerdict>>;

// Long enough to let a paste settle, short enough to feel immediate.
const AUTO_VERIFY_DELAY_MS = 400;

interface VerificationState {
  // The exact text that was verified. The result is shown only while the
  // textarea still contains it.
  text: string;
  result: ActionResult<TokenVerdict>;
}

// Decodes the pasted token in the browser on every change, and requests a
// verdict from the server when the button is pressed or shortly after a paste.
export function TokenInspector({ verifyAction }: { verifyAction: VerifyAction }) {
  const [text, setText] = useState("");
  const [verification, setVerification] = useState<VerificationState | null>(null);
  const [autoVerifyRequested, setAutoVerifyRequested] = useState(false);
  const [pending, startTransition] = useTransition();
  const latestRequest = useRef(0);

  const decoded = useMemo(() => (text.trim() === "" ? null : decodeToken(text)), [text]);
  const current = verification?.text === text ? verification.result : null;
  const verdict = current?.status === "success" ? current.data : null;

  function verify(token: string) {
    latestRequest.current += 1;
    const request = latestRequest.current;

    startTransition(async () => {
      const result = await callVerifyAction(verifyAction, token);
      // A slower response for older text must not replace a newer one.
      if (request === latestRequest.current) {
        setVerification({ text: token, result });
      }
    });
  }

  useEffect(() => {
    const handedOver = takeHandedOverToken();
    if (handedOver) {
      setText(handedOver);
      setAutoVerifyRequested(true);
    }
  }, []);

  const verifyAfterPaste = useEffectEvent((token: string) => {
    setAutoVerifyRequested(false);
    verify(token);
  });

  // Typing after a paste restarts the delay, so one check runs on the final text.
  useEffect(() => {
    if (!autoVerifyRequested || text.trim() === "") {
      return;
    }

    const timer = window.setTimeout(() => verifyAfterPaste(text), AUTO_VERIFY_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [autoVerifyRequested, text]);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <label htmlFor="token-input" className="block text-sm font-medium text-slate-700">
          Token
        </label>
        <textarea
          id="token-input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onPaste={() => setAutoVerifyRequested(true)}
          rows={5}
          spellCheck={false}
          autoComplete="off"
          placeholder="eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9…"
          className="block w-full rounded-md border-0 px-3 py-2 font-mono text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600"
        />
        <div className="flex items-center gap-3">
          <Button type="button" onClick={() => verify(text)} disabled={pending || text.trim() === ""}>
            {pending ? "Verifying…" : "Verify signature"}
          </Button>
          <p className="text-xs text-slate-500">Decoded claims are unverified until the signature check returns a verdict.</p>
        </div>
      </div>

      {current?.status === "error" ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
          The signature check failed: {current.message}
        </p>
      ) : null}
      {verdict ? <VerdictPanel verdict={verdict} /> : null}

      {decoded === null ? null : decoded.ok ? (
        <DecodedDetails decoded={decoded} verified={verdict?.verdict === "valid"} />
      ) : (
        <DecodeFailureDetails text={text} message={decoded.message} notes={decoded.notes} />
      )}
    </div>
  );
}

// A failed request (offline, or a body over the server's size limit) becomes
// an error result instead of reaching the page's error boundary.
async function callVerifyAction(verifyAction: VerifyAction, token: string): Promise<ActionResult<TokenVerdict>> {
  try {
    return await verifyAction(token);
  } catch {
    return { status: "error", message: "the console could not be reached. Check your connection and try again.", fieldErrors: [] };
  }
}

function DecodedDetails({ decoded, verified }: { decoded: DecodedToken; verified: boolean }) {
  return (
    <div className="space-y-6">
      <MessageList title="Input notes" items={decoded.notes} tone="note" />
      <MessageList title="Warnings" items={decoded.warnings} tone="warning" />
      <MessageList title="Errors" items={decoded.errors} tone="error" />

      <Section title="Token" verified={verified}>
        <TokenSegments token={decoded.token} />
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Header" verified={verified}>
          <JsonBlock value={decoded.header} testId="decoded-header" />
        </Section>
        <Section title="Payload" verified={verified}>
          <JsonBlock value={decoded.payload} testId="decoded-payload" />
        </Section>
      </div>

      <Section title="Grants" verified={verified}>
        <GrantBadges grants={decoded.payload.grants} />
      </Section>

      <Section title="Claims" verified={verified}>
        <ClaimsTable payload={decoded.payload} timeClaims={decoded.timeClaims} />
      </Section>
    </div>
  );
}

function DecodeFailureDetails({ text, message, notes }: { text: string; message: string; notes: string[] }) {
  const normalized = normalizeTokenInput(text);

  return (
    <div className="space-y-4">
      <MessageList title="Input notes" items={notes} tone="note" />
      <p role="alert" data-testid="decode-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
        The token cannot be decoded: {message}
      </p>
      {normalized.ok ? <TokenSegments token={normalized.token} /> : null}
    </div>
  );
}

function Section({ title, verified, children }: { title: string; verified: boolean; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <div className="flex items-center gap-2">
        <h2 className="font-semibold">{title}</h2>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${verified ? "bg-emerald-50 text-emerald-700" : "bg-amber-50 text-amber-800"}`}
        >
          {verified ? "verified" : "unverified"}
        </span>
      </div>
      {children}
    </section>
  );
}

function JsonBlock({ value, testId }: { value: unknown; testId: string }) {
  return (
    <pre data-testid={testId} className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

const TONE_CLASSES = {
  note: "bg-slate-50 text-slate-700 ring-slate-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  error: "bg-red-50 text-red-700 ring-red-200",
} as const;

function MessageList({ title, items, tone }: { title: string; items: string[]; tone: keyof typeof TONE_CLASSES }) {
  if (items.length === 0) {
    return null;
  }

  return (
    <div className={`rounded-md px-3 py-2 text-sm ring-1 ring-inset ${TONE_CLASSES[tone]}`} data-testid={`decode-${tone}s`}>
      <p className="font-medium">{title}</p>
      <ul className="list-inside list-disc">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
