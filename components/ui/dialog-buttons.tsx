import type { ButtonHTMLAttributes } from "react";

import { Button } from "./button";

// The Cancel and confirm buttons at the foot of a dialog. Both are disabled
// while the dialog's action is pending, so it is neither cancelled halfway
// nor sent twice. Without `onConfirm` the confirm button submits its form.
export function DialogButtons({
  onCancel,
  onConfirm,
  pending,
  confirmLabel,
  pendingLabel,
  variant = "primary",
}: {
  onCancel: () => void;
  onConfirm?: () => void;
  pending: boolean;
  confirmLabel: string;
  pendingLabel: string;
  variant?: "primary" | "danger";
}) {
  const confirmProps: ButtonHTMLAttributes<HTMLButtonElement> = onConfirm ? { type: "button", onClick: onConfirm } : { type: "submit" };

  return (
    <div className="flex justify-end gap-3">
      <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <Button {...confirmProps} variant={variant} disabled={pending}>
        {pending ? pendingLabel : confirmLabel}
      </Button>
    </div>
  );
}
