import { VERDICT_LABELS, type VerdictCode, type VerifyResult } from "@/lib/tokens/verify-token";

// The verification result the inspect page shows. The decoded claims are
// left out because the browser decodes the token itself.
export interface TokenVerdict {
  verdict: VerdictCode;
  label: string;
  message: string;
  // Set once the signature matched a key the caller may see.
  key: { id: string; appName: string } | null;
  notes: string[];
  warnings: string[];
}

export function summarizeVerdict(result: VerifyResult): TokenVerdict {
  return {
    verdict: result.verdict,
    label: VERDICT_LABELS[result.verdict],
    message: result.message,
    key: result.key ? { id: result.key.id, appName: result.key.appName } : null,
    notes: result.notes,
    warnings: result.warnings,
  };
}
