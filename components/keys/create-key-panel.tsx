"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import type { ActionResult } from "@/lib/errors/action-result";
import type { CreatedApiKey } from "@/lib/keys/create-api-key";

import { CreateKeyForm } from "./create-key-form";

type CreateKeyAction = (previous: ActionResult<CreatedApiKey>, form: FormData) => Promise<ActionResult<CreatedApiKey>>;

// Owns the create-key form's lifetime. After the secret dialog is closed the
// form is mounted afresh under a new key, which throws away the action state
// that held the secret, so it is gone from both the DOM and memory.
export function CreateKeyPanel({ action }: { action: CreateKeyAction }) {
  const router = useRouter();
  const [formGeneration, setFormGeneration] = useState(0);

  function finish() {
    setFormGeneration((generation) => generation + 1);
    router.refresh();
  }

  return <CreateKeyForm key={formGeneration} action={action} onSecretSaved={finish} />;
}
