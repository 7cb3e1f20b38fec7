import { TOKEN_HEADER } from "@/lib/tokens/build-token";

export type ExampleLanguage = "curl" | "node" | "python" | "php";

export interface TokenExample {
  language: ExampleLanguage;
  // "api" calls POST /api/v2/tokens; "local" builds the HS256 JWT in the
  // app server itself, with no call to the console and no JWT library.
  mode: "api" | "local";
  label: string;
  // The language name that syntax highlighters and OpenAPI tools use.
  syntax: string;
  code: string;
}

// The token every example makes: identity alice on device web1, with chat
// and video, for one hour.
export const EXAMPLE_REQUEST = { identity: "alice", device: "web1", grants: ["chat", "video"], ttl: 3600 } as const;

const AUDIENCE = "https://api.prod.bit6.com/client";
const HEADER_JSON = JSON.stringify(TOKEN_HEADER);
const GRANTS_JSON = JSON.stringify(Object.fromEntries(EXAMPLE_REQUEST.grants.map((name) => [name, true])));
const SUBJECT = `${EXAMPLE_REQUEST.identity}/${EXAMPLE_REQUEST.device}`;

// Builds the minting examples in curl, Node.js, Python and PHP, each with
// the token API and without it. Every example reads the key from the
// BIT6_KEY_ID and BIT6_KEY_SECRET environment variables, so none contains a
// secret. The local ones write the claims in the order the reference
// builder uses (aud, iss, iat, grants, sub, exp), as compact JSON, so they
// produce the same bytes as the console for the same issue time.
export function buildTokenExamples(options: { baseUrl: string }): TokenExample[] {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/api/v2/tokens`;

  return [
    { language: "curl", mode: "api", label: "curl", syntax: "shell", code: curlApi(url) },
    { language: "node", mode: "api", label: "Node.js", syntax: "javascript", code: nodeApi(url) },
    { language: "python", mode: "api", label: "Python", syntax: "python", code: pythonApi(url) },
    { language: "php", mode: "api", label: "PHP", syntax: "php", code: phpApi(url) },
    { language: "curl", mode: "local", label: "Shell (openssl)", syntax: "shell", code: shellLocal() },
    { language: "node", mode: "local", label: "Node.js", syntax: "javascript", code: nodeLocal() },
    { language: "python", mode: "local", label: "Python", syntax: "python", code: pythonLocal() },
    { language: "php", mode: "local", label: "PHP", syntax: "php", code: phpLocal() },
  ];
}

function curlApi(url: string): string {
  const { identity, device, grants, ttl } = EXAMPLE_REQUEST;
  return [
    `# Prints {"token": …, "expiresAt": …, "claims": …}, or the problem JSON on an error.`,
    `curl -sS --fail-with-body -u "$BIT6_KEY_ID:$BIT6_KEY_SECRET" \\`,
    `  -d identity=${identity} -d device=${device} -d grants=${grants.join(",")} -d ttl=${ttl} \\`,
    `  ${url}`,
  ].join("\n");
}

function nodeApi(url: string): string {
  return `// Node.js 18 or later, as an ES module.
const credentials = Buffer.from(\`\${process.env.BIT6_KEY_ID}:\${process.env.BIT6_KEY_SECRET}\`).toString("base64");

const response = await fetch(${JSON.stringify(url)}, {
  method: "POST",
  headers: { authorization: \`Basic \${credentials}\`, "content-type": "application/json" },
  body: JSON.stringify(${jsBody()}),
});
if (!response.ok) {
  throw new Error(\`token request failed: \${response.status} \${(await response.json()).detail}\`);
}

const { token, expiresAt } = await response.json();
console.log(token);`;
}

function pythonApi(url: string): string {
  const { identity, device, grants, ttl } = EXAMPLE_REQUEST;
  return `# Python 3, standard library only.
import base64, json, os, urllib.request

credentials = base64.b64encode(f"{os.environ['BIT6_KEY_ID']}:{os.environ['BIT6_KEY_SECRET']}".encode()).decode()
body = json.dumps({"identity": "${identity}", "device": "${device}", "grants": "${grants.join(",")}", "ttl": ${ttl}}).encode()
request = urllib.request.Request(
    "${url}",
    data=body,
    headers={"Authorization": f"Basic {credentials}", "Content-Type": "application/json"},
)

# urlopen raises HTTPError for a 4xx or 5xx reply; its body is the problem JSON.
with urllib.request.urlopen(request) as response:
    token = json.load(response)["token"]
print(token)`;
}

function phpApi(url: string): string {
  const { identity, device, grants, ttl } = EXAMPLE_REQUEST;
  return `<?php
// PHP 7.4 or later with the curl extension.
$curl = curl_init('${url}');
curl_setopt_array($curl, [
    CURLOPT_POST => true,
    CURLOPT_USERPWD => getenv('BIT6_KEY_ID') . ':' . getenv('BIT6_KEY_SECRET'),
    CURLOPT_HTTPHEADER => ['Content-Type: application/json'],
    CURLOPT_POSTFIELDS => json_encode(['identity' => '${identity}', 'device' => '${device}', 'grants' => '${grants.join(",")}', 'ttl' => ${ttl}]),
    CURLOPT_RETURNTRANSFER => true,
]);
$body = json_decode(curl_exec($curl), true);
if (curl_getinfo($curl, CURLINFO_RESPONSE_CODE) !== 201) {
    throw new RuntimeException('token request failed: ' . $body['detail']);
}
echo $body['token'], "\\n";`;
}

function shellLocal(): string {
  return `# Bash with openssl. NOTE: -hmac puts the secret on openssl's command line,
# where other users of the machine can see it in the process list.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
header=$(printf '%s' '${HEADER_JSON}' | b64url)
payload=$(printf '{"aud":"${AUDIENCE}","iss":"%s","iat":%d,"grants":${GRANTS_JSON},"sub":"${SUBJECT}","exp":%d}' \\
  "$BIT6_KEY_ID" "$now" "$((now + ${EXAMPLE_REQUEST.ttl}))" | b64url)
signature=$(printf '%s' "$header.$payload" | openssl dgst -sha256 -hmac "$BIT6_KEY_SECRET" -binary | b64url)

echo "$header.$payload.$signature"`;
}

function nodeLocal(): string {
  return `// Node.js, no dependencies. The claims' order is the token's order.
import { createHmac } from "node:crypto";

const encode = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = Math.floor(Date.now() / 1000);

const header = encode(${jsObject(Object.entries(TOKEN_HEADER).map(([name, value]) => [name, JSON.stringify(value)]))});
const payload = encode({
  aud: "${AUDIENCE}",
  iss: process.env.BIT6_KEY_ID,
  iat: now,
  grants: ${jsObject(EXAMPLE_REQUEST.grants.map((name) => [name, "true"]))},
  sub: "${SUBJECT}",
  exp: now + ${EXAMPLE_REQUEST.ttl},
});
const signature = createHmac("sha256", process.env.BIT6_KEY_SECRET).update(\`\${header}.\${payload}\`).digest("base64url");

console.log(\`\${header}.\${payload}.\${signature}\`);`;
}

function pythonLocal(): string {
  const grants = EXAMPLE_REQUEST.grants.map((name) => `"${name}": True`).join(", ");
  return `# Python 3, standard library only. Dicts keep the claims' order.
import base64, hashlib, hmac, json, os, time

def encode(value) -> str:
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).rstrip(b"=").decode()

now = int(time.time())
header = encode({"typ": "JWT", "alg": "HS256"})
payload = encode({
    "aud": "${AUDIENCE}",
    "iss": os.environ["BIT6_KEY_ID"],
    "iat": now,
    "grants": {${grants}},
    "sub": "${SUBJECT}",
    "exp": now + ${EXAMPLE_REQUEST.ttl},
})
signing_input = f"{header}.{payload}"
digest = hmac.new(os.environ["BIT6_KEY_SECRET"].encode(), signing_input.encode(), hashlib.sha256).digest()

print(f"{signing_input}.{base64.urlsafe_b64encode(digest).rstrip(b'=').decode()}")`;
}

function phpLocal(): string {
  const grants = EXAMPLE_REQUEST.grants.map((name) => `'${name}' => true`).join(", ");
  return `<?php
// PHP 7.4 or later, no dependencies. Arrays keep the claims' order.
function encode(array $value): string
{
    $json = json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    return rtrim(strtr(base64_encode($json), '+/', '-_'), '=');
}

$now = time();
$header = encode(['typ' => 'JWT', 'alg' => 'HS256']);
$payload = encode([
    'aud' => '${AUDIENCE}',
    'iss' => getenv('BIT6_KEY_ID'),
    'iat' => $now,
    'grants' => [${grants}],
    'sub' => '${SUBJECT}',
    'exp' => $now + ${EXAMPLE_REQUEST.ttl},
]);
$signature = rtrim(strtr(base64_encode(hash_hmac('sha256', "$header.$payload", getenv('BIT6_KEY_SECRET'), true)), '+/', '-_'), '=');

echo "$header.$payload.$signature\\n";`;
}

// Writes a JavaScript object literal from names and value expressions.
function jsObject(entries: [string, string][]): string {
  return `{ ${entries.map(([name, value]) => `${name}: ${value}`).join(", ")} }`;
}

function jsBody(): string {
  const { identity, device, grants, ttl } = EXAMPLE_REQUEST;
  return `{ identity: "${identity}", device: "${device}", grants: "${grants.join(",")}", ttl: ${ttl} }`;
}
