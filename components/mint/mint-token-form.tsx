"use client";

import { useActionState, useState } from "react";

import { GrantsFieldset } from "@/components/grants-fieldset";
import { RestrictionsSummary } from "@/components/keys/restrictions-summary";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/errors/action-result";
import type { KeyRestrictions } from "@/lib/keys/key-restrictions";
import type { SignedToken } from "@/lib/mint/sign-with-key";
import { findGrantsWarning, type GrantName } from "@/lib/tokens/grants";

import { MintedTokenPanel } from "./minted-token-panel";
import { resolveTtl, TtlField } from "./ttl-field";

type MintTokenAction = (previous: ActionResult<SignedToken>, form: FormData) => Promise<ActionResult<SignedToken>>;

const IDLE: ActionResult<SignedToken> = { status: "idle" };
const DEFAULT_GRANTS: GrantName[] = ["chat", "signal", "video"];
const FORM_FIELDS = ["keyId", "identity", "device", "grants", "ttl"];

// A key the form can sign with. `expiring` marks a key in a rotation's
// overlap window.
export interface MintKeyOption {
  id: string;
  label: string;
  expiring: boolean;
  restrictions: KeyRestrictions;
}

// The mint form. Every input is controlled and the form is never reset, so
// what was chosen stays on screen after minting or after an error.
export function MintTokenForm({ action, keys, demoUrl }: { action: MintTokenAction; keys: MintKeyOption[]; demoUrl: string }) {
  const [result, formAction, pending] = useActionState(action, IDLE);
  const [keyId, setKeyId] = useState(keys[0]?.id ?? "");
  const [identity, setIdentity] = useState("");
  const [device, setDevice] = useState("");
  const [grants, setGrants] = useState<GrantName[]>(DEFAULT_GRANTS);
  const [ttlPreset, setTtlPreset] = useState("3600");
  const [customTtl, setCustomTtl] = useState("");

  const errors = result.status === "error" ? result.fieldErrors : [];
  const grantsWarning = findGrantsWarning(Object.fromEntries(grants.map((grant) => [grant, true])));
  const selectedKey = keys.find((key) => key.id === keyId);

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <form onSubmit={submitWithoutReset(formAction)} className="space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200" noValidate>
        <SelectField
          label="Key"
          name="keyId"
          value={keyId}
          onChange={(event) => setKeyId(event.target.value)}
          errors={errors}
          hint={selectedKey ? <KeyRestrictionsHint restrictions={selectedKey.restrictions} /> : null}
        >
          {keys.map((key) => (
            <option key={key.id} value={key.id}>
              {key.label} ({key.id}){key.expiring ? " · expiring" : ""}
            </option>
          ))}
        </SelectField>

        <TextField label="Identity" name="identity" value={identity} onChange={(event) => setIdentity(event.target.value)} placeholder="bob1" required errors={errors} hint="The user, such as a user name or ID." />
        <TextField label="Device" name="device" value={device} onChange={(event) => setDevice(event.target.value)} placeholder="web1" required errors={errors} hint="The user's device or browser tab." />

        <GrantsFieldset selected={grants} onChange={setGrants} errors={errors} warning={grantsWarning} />
        <input type="hidden" name="grants" value={grants.join(",")} />

        <TtlField preset={ttlPreset} custom={customTtl} onPresetChange={setTtlPreset} onCustomChange={setCustomTtl} errors={errors} />
        <input type="hidden" name="ttl" value={resolveTtl(ttlPreset, customTtl)} />

        <FormMessage result={result} fields={FORM_FIELDS} />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Minting…" : "Mint token"}
        </Button>
      </form>

      <div>
        {result.status === "success" ? (
          <MintedTokenPanel signed={result.data} demoUrl={demoUrl} />
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">The minted token and its claims appear here.</p>
        )}
      </div>
    </div>
  );
}

function KeyRestrictionsHint({ restrictions }: { restrictions: KeyRestrictions }) {
  return (
    <>
      Restrictions of this key: <RestrictionsSummary restrictions={restrictions} testId="mint-key-restrictions" />
    </>
  );
}
