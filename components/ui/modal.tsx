"use client";

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

// A modal dialog rendered over the page. The rest of the page is made inert
// while it is open, so neither the mouse nor the keyboard can reach it.
// Backdrop clicks never close it. Escape calls `onEscape` when given, and
// does nothing otherwise, so a dialog that must not be dismissed by accident
// simply leaves it out.
export function Modal({
  role = "dialog",
  title,
  children,
  onEscape,
}: {
  role?: "dialog" | "alertdialog";
  title: string;
  children: ReactNode;
  onEscape?: () => void;
}) {
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const container = usePortalContainer();

  useEffect(() => {
    if (!container) {
      return;
    }
    const restoreInert = makeSiblingsInert(container);
    const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    focusFirst(panelRef.current);

    return () => {
      restoreInert();
      previousFocus?.focus();
    };
  }, [container]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onEscape?.();
      return;
    }

    if (event.key === "Tab") {
      keepFocusInside(event, panelRef.current);
    }
  }

  if (!container) {
    return null;
  }

  return createPortal(
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 px-4" data-testid="modal-backdrop">
      <div
        ref={panelRef}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={handleKeyDown}
        className="w-full max-w-xl space-y-4 rounded-xl bg-white p-6 shadow-xl ring-1 ring-slate-200 focus:outline-none"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    container,
  );
}

// The portal target is created on the client only, so server rendering and
// hydration never see the dialog.
function usePortalContainer(): HTMLElement | null {
  const containerRef = useRef<HTMLElement | null>(null);
  if (typeof document !== "undefined" && containerRef.current === null) {
    containerRef.current = document.createElement("div");
  }

  useEffect(() => {
    const element = containerRef.current;
    if (!element) {
      return;
    }
    document.body.appendChild(element);
    return () => element.remove();
  }, []);

  return containerRef.current;
}

function makeSiblingsInert(container: HTMLElement): () => void {
  const siblings = Array.from(document.body.children).filter(
    (element): element is HTMLElement => element instanceof HTMLElement && element !== container && !element.inert,
  );
  for (const element of siblings) {
    element.inert = true;
  }

  return () => {
    for (const element of siblings) {
      element.inert = false;
    }
  };
}

function focusFirst(panel: HTMLElement | null): void {
  const first = panel?.querySelector<HTMLElement>(FOCUSABLE);
  (first ?? panel)?.focus();
}

function keepFocusInside(event: KeyboardEvent<HTMLElement>, panel: HTMLElement | null): void {
  const focusable = Array.from(panel?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }

  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
