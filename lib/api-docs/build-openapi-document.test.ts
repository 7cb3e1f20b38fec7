import { describe, expect, it } from "vitest";

import { VERDICT_CODES } from "@/lib/tokens/verify-token";

import { buildOpenApiDocument } from "./build-openapi-document";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const document = buildOpenApiDocument({ baseUrl: "https://console.example.com" }) as Json;

// Every $ref in the document, so each can be checked to resolve.
function collectRefs(value: unknown, refs: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((item) => collectRefs(item, refs));
  } else if (typeof value === "object" && value !== null) {
    for (const [name, child] of Object.entries(value)) {
      if (name === "$ref" && typeof child === "string") {
        refs.push(child);
      } else {
        collectRefs(child, refs);
      }
    }
  }
  return refs;
}

describe("buildOpenApiDocument", () => {
  it("declares OpenAPI 3.1 with the given server", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://console.example.com" }]);
  });

  it("resolves every $ref", () => {
    for (const ref of collectRefs(document)) {
      const name = ref.replace("#/components/schemas/", "");
      expect(document.components.schemas[name], ref).toBeDefined();
    }
  });

  it("describes each error status of the mint operation", () => {
    const responses = document.paths["/api/v2/tokens"].post.responses as Json;

    expect(Object.keys(responses).sort()).toEqual(["201", "400", "401", "403", "405", "413", "415", "429"]);
    expect(responses["429"].headers["Retry-After"]).toBeDefined();
    expect(responses["401"].headers["WWW-Authenticate"]).toBeDefined();
    expect(Object.keys(responses["415"].content)).toEqual(["application/problem+json"]);
  });

  it("lists the inspect page's verdicts", () => {
    expect(document.components.schemas.Verification.properties.verdict.enum).toEqual([...VERDICT_CODES]);
  });

  it("carries code samples in four languages both ways", () => {
    const labels = (document.paths["/api/v2/tokens"].post["x-codeSamples"] as { label: string }[]).map((sample) => sample.label);

    expect(labels).toHaveLength(8);
    for (const language of ["curl", "Node.js", "Python", "PHP"]) {
      expect(labels.some((label) => label.startsWith(language) && label.endsWith("(token API)"))).toBe(true);
    }
    for (const language of ["Shell", "Node.js", "Python", "PHP"]) {
      expect(labels.some((label) => label.startsWith(language) && label.endsWith("(local, without the API)"))).toBe(true);
    }
  });

  it("uses HTTP Basic auth except on the demo endpoint", () => {
    expect(document.components.securitySchemes.keyAuth).toMatchObject({ type: "http", scheme: "basic" });
    expect(document.paths["/api/demo/{appId}/token"].post.security).toEqual([]);
  });
});
