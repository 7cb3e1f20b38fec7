import { MAX_BODY_BYTES } from "@/lib/http/read-request-text";
import { KNOWN_GRANTS } from "@/lib/tokens/grants";
import { IDENTITY_MAX_LENGTH, TTL_DEFAULT_SECONDS, TTL_MAX_SECONDS, TTL_MIN_SECONDS } from "@/lib/tokens/token-rules";
import { VERDICT_CODES } from "@/lib/tokens/verify-token";

import { buildTokenExamples } from "./build-token-examples";

type Json = Record<string, unknown>;

const PROBLEM = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };

const RETRY_AFTER = { "Retry-After": { description: "Seconds to wait before the next request.", schema: { type: "integer", minimum: 1 } } };

function problemResponse(description: string, headers?: Json): Json {
  return headers ? { description, headers, content: PROBLEM } : { description, content: PROBLEM };
}

// The error replies both token API operations share.
const API_ERRORS: Json = {
  "400": problemResponse("A field is invalid; `field` names it and `errors` lists every bad field."),
  "401": problemResponse("The Authorization header is missing or malformed, the key ID or secret is wrong, or the key is revoked or expired.", {
    "WWW-Authenticate": { description: 'Always `Basic realm="bit6-console", charset="UTF-8"`.', schema: { type: "string" } },
  }),
  "405": problemResponse("A method other than POST."),
  "413": problemResponse(`The body is over ${MAX_BODY_BYTES} bytes.`),
  "415": problemResponse("The Content-Type is neither application/json nor application/x-www-form-urlencoded."),
  "429": problemResponse("The key or the client address made too many requests in the current window.", RETRY_AFTER),
};

// A required body given as JSON or as a form, with one schema for each.
function jsonOrFormBody(jsonSchema: string, formSchema: string = jsonSchema): Json {
  return {
    required: true,
    content: {
      "application/json": { schema: { $ref: `#/components/schemas/${jsonSchema}` } },
      "application/x-www-form-urlencoded": { schema: { $ref: `#/components/schemas/${formSchema}` } },
    },
  };
}

const SUBJECT_PART = { type: "string", minLength: 1, maxLength: IDENTITY_MAX_LENGTH, pattern: "^[^/]+$" };

// Builds the OpenAPI 3.1 description of the token API and the demo
// endpoint, with `baseUrl` as the server. The minting operation carries
// the curl, Node.js, Python and PHP examples as x-codeSamples, the
// extension Redoc and similar tools render.
export function buildOpenApiDocument(options: { baseUrl: string }): Json {
  const examples = buildTokenExamples(options);
  const codeSamples = examples.map((example) => ({
    lang: example.syntax,
    label: example.mode === "api" ? `${example.label} (token API)` : `${example.label} (local, without the API)`,
    source: example.code,
  }));

  return {
    openapi: "3.1.0",
    info: {
      title: "Bit6 Console token API",
      version: "2.0.0",
      description:
        "Mint and verify Bit6 v2 access tokens (HS256 JWTs) with an API key of the console. " +
        "Authenticate with HTTP Basic auth: the key ID as user name and its secret as password. " +
        "App servers that prefer not to call the console can build the same token locally; " +
        "the x-codeSamples of POST /api/v2/tokens show both ways.",
    },
    servers: [{ url: options.baseUrl }],
    security: [{ keyAuth: [] }],
    paths: {
      "/api/v2/tokens": {
        post: {
          operationId: "mintToken",
          summary: "Mint a client access token",
          description:
            "Applies the console's token rules and the key's restrictions (allowed grants, maximum TTL). " +
            "A form body takes ttl as whole seconds in text, and a JSON body as a number.",
          requestBody: jsonOrFormBody("MintRequest", "MintForm"),
          responses: {
            "201": { description: "The token, its expiry and its claims.", content: { "application/json": { schema: { $ref: "#/components/schemas/MintedToken" } } } },
            ...API_ERRORS,
            "403": problemResponse("The request goes beyond one of the key's restrictions; `field` is grants or ttl."),
          },
          "x-codeSamples": codeSamples,
        },
      },
      "/api/v2/tokens/verify": {
        post: {
          operationId: "verifyToken",
          summary: "Verify a token against the key's app",
          description:
            "Gives the same verdicts as the console's inspect page. Only the keys of the authenticating key's app count, " +
            "so a token signed by another app's key gets unknown-key.",
          requestBody: jsonOrFormBody("VerifyRequest"),
          responses: {
            "200": { description: "The verdict, whatever it is.", content: { "application/json": { schema: { $ref: "#/components/schemas/Verification" } } } },
            ...API_ERRORS,
          },
        },
      },
      "/api/demo/{appId}/token": {
        post: {
          operationId: "issueDemoToken",
          summary: "Get a token from an app's public demo endpoint",
          description:
            "Needs no credentials: an owner turns the endpoint on and picks its key, grants and TTL. " +
            "Answers 404 while it is off. The key's allowed origins are checked against the Origin header.",
          security: [],
          parameters: [{ name: "appId", in: "path", required: true, schema: { type: "string" } }],
          requestBody: jsonOrFormBody("DemoRequest"),
          responses: {
            "200": {
              description: "The token.",
              content: { "application/json": { schema: { type: "object", required: ["token"], properties: { token: { type: "string" } } } } },
            },
            "400": problemResponse("identity or device is invalid."),
            "403": problemResponse("The Origin is not among the key's allowed origins, or the endpoint's settings go beyond the key's restrictions."),
            "404": problemResponse("No demo endpoint is enabled at this URL."),
            "413": problemResponse(`The body is over ${MAX_BODY_BYTES} bytes.`),
            "415": problemResponse("The Content-Type is neither application/json nor application/x-www-form-urlencoded."),
            "429": problemResponse("The client address or the endpoint made too many requests in the current window.", RETRY_AFTER),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        keyAuth: { type: "http", scheme: "basic", description: "Key ID as user name, secret as password." },
      },
      schemas: {
        MintRequest: {
          type: "object",
          required: ["identity", "device"],
          properties: {
            identity: { ...SUBJECT_PART, description: "User identity, the first part of sub." },
            device: { ...SUBJECT_PART, description: "Device ID, the second part of sub." },
            grants: {
              description: `Services to grant: a list such as "chat,video", or an object such as {"chat": true}. Known grants: ${KNOWN_GRANTS.join(", ")}.`,
              oneOf: [
                { type: "string", examples: ["chat,video"] },
                { type: "object", propertyNames: { enum: [...KNOWN_GRANTS] }, additionalProperties: { type: "boolean" } },
              ],
            },
            ttl: { type: "integer", minimum: TTL_MIN_SECONDS, maximum: TTL_MAX_SECONDS, default: TTL_DEFAULT_SECONDS, description: "Lifetime in seconds." },
          },
        },
        MintForm: {
          type: "object",
          required: ["identity", "device"],
          properties: {
            identity: SUBJECT_PART,
            device: SUBJECT_PART,
            grants: { type: "string", description: "Grant names separated by commas or spaces." },
            ttl: { type: "string", pattern: "^\\d+$", description: `Lifetime in whole seconds, from ${TTL_MIN_SECONDS} to ${TTL_MAX_SECONDS}; ${TTL_DEFAULT_SECONDS} when left out.` },
          },
        },
        MintedToken: {
          type: "object",
          required: ["token", "expiresAt", "claims"],
          properties: {
            token: { type: "string", description: "The compact HS256 JWT." },
            expiresAt: { type: "string", format: "date-time", description: "The exp claim as an ISO 8601 time." },
            claims: { $ref: "#/components/schemas/Claims" },
          },
        },
        Claims: {
          type: "object",
          required: ["aud", "iss", "iat", "grants", "sub", "exp"],
          properties: {
            aud: { type: "string", examples: ["https://api.prod.bit6.com/client"] },
            iss: { type: "string", description: "The key ID that signed the token." },
            iat: { type: "integer", description: "Issue time, in seconds since the epoch." },
            grants: { type: "object", additionalProperties: { type: "boolean" } },
            sub: { type: "string", description: "identity/device" },
            exp: { type: "integer", description: "Expiry, in seconds since the epoch." },
          },
        },
        VerifyRequest: { type: "object", required: ["token"], properties: { token: { type: "string" } } },
        Verification: {
          type: "object",
          required: ["verdict", "message", "claims", "header", "warnings"],
          properties: {
            verdict: { type: "string", enum: [...VERDICT_CODES] },
            message: { type: "string" },
            claims: { type: ["object", "null"], description: "The decoded payload, trusted only when the verdict is valid; null when the token does not decode." },
            header: { type: ["object", "null"] },
            key: {
              type: "object",
              description: "The key whose signature matched; absent unless the signature was checked.",
              properties: { id: { type: "string" }, appId: { type: "string" }, appName: { type: "string" } },
            },
            warnings: { type: "array", items: { type: "string" } },
          },
        },
        DemoRequest: { type: "object", required: ["identity", "device"], properties: { identity: SUBJECT_PART, device: SUBJECT_PART } },
        Problem: {
          type: "object",
          description: "RFC 9457 problem details.",
          required: ["type", "title", "status", "detail", "code", "requestId"],
          properties: {
            type: { type: "string", examples: ["urn:bit6-console:problem:invalid-input"] },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string", description: "What failed and how to fix it." },
            code: { type: "string", description: "The stable error code to branch on." },
            field: { type: "string", description: "The field at fault, when there is one." },
            errors: { type: "array", items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } } },
            requestId: { type: "string" },
          },
        },
      },
    },
  };
}
