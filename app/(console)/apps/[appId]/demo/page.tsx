import type { Metadata } from "next";

import { CodeSnippet } from "@/components/code-snippet";
import { CopyButton } from "@/components/copy-button";
import { DemoSettingsForm } from "@/components/demo/demo-settings-form";
import { getDemoEndpoint } from "@/lib/demo/get-demo-endpoint";
import { getRequestOrigin } from "@/lib/http/request-origin";
import { effectiveKeyStatus, isKeyUsable } from "@/lib/keys/key-status";
import { listApiKeys } from "@/lib/keys/list-api-keys";
import { roleAllows } from "@/lib/permissions/permissions";
import { requireAppForPage } from "@/lib/permissions/require-app-for-page";
import { buildDemoCurlCommand } from "@/lib/snippets/build-demo-curl-command";

import { configureDemoAction } from "./actions";

export const metadata: Metadata = { title: "Demo endpoint" };

export default async function DemoPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const { actor, role } = await requireAppForPage({ appId, path: `/apps/${appId}/demo` });
  const [settings, keys, origin] = await Promise.all([getDemoEndpoint({ actor, appId }), listApiKeys({ actor, appId }), getRequestOrigin()]);

  // A key past its rotation overlap has status ACTIVE but no longer signs.
  const now = new Date();
  const activeKeys = keys.filter((key) => isKeyUsable(key, now)).map((key) => ({ id: key.id, label: key.label }));
  const configuredKey = keys.find((key) => key.id === settings.keyId);
  const configuredKeyStatus = configuredKey ? effectiveKeyStatus(configuredKey, now) : null;
  const url = `${origin}/api/demo/${appId}/token`;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h2 className="text-lg font-semibold">Demo token endpoint</h2>
        <p className="text-sm text-slate-600">
          While it is on, this URL signs a token for whatever identity and device a caller sends, with the key, grants and TTL set below. Anyone who
          knows the URL can get a token, so use it for demos and tests only, and let your own app server issue tokens in production.
        </p>
      </div>

      <p
        data-testid="demo-status"
        data-enabled={settings.enabled}
        className={`rounded-lg px-4 py-3 text-sm font-medium ring-1 ring-inset ${settings.enabled ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-slate-100 text-slate-700 ring-slate-200"}`}
      >
        {settings.enabled ? "The demo endpoint is on: it answers POST requests with a token." : "The demo endpoint is off: it answers every request with 404."}
      </p>

      {settings.enabled && configuredKey && (configuredKeyStatus === "revoked" || configuredKeyStatus === "expired") ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
          Its key {configuredKey.label} is {configuredKeyStatus}, so every request fails. Pick an active key and save.
        </p>
      ) : null}

      <div className="space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-700">Endpoint URL</p>
          <div className="flex items-center gap-2">
            <code data-testid="demo-url" className="break-all font-mono text-sm">
              {url}
            </code>
            <CopyButton value={url} label="Copy URL" />
          </div>
        </div>
        <CodeSnippet label="Try it with curl" code={buildDemoCurlCommand({ url, identity: "bob1", device: "web1" })} testId="demo-curl" copyLabel="Copy curl command" />
      </div>

      <DemoSettingsForm
        action={configureDemoAction.bind(null, appId)}
        keys={activeKeys}
        settings={settings}
        canConfigure={roleAllows(role, "demo.configure")}
      />
    </div>
  );
}

