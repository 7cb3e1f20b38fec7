import { describe, expect, it } from "vitest";

import { buildUnavailableResponse } from "./build-unavailable-response";

describe("buildUnavailableResponse", () => {
  it("answers a page request with a self-reloading page", async () => {
    const response = buildUnavailableResponse({ pathname: "/apps", accept: "text/html", requestId: "req-1" });

    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("x-request-id")).toBe("req-1");
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("The console cannot reach its database");
    expect(html).toContain('http-equiv="refresh"');
    expect(html).toContain("req-1");
  });

  it("answers an API request with problem details", async () => {
    const response = buildUnavailableResponse({ pathname: "/api/console/apps", accept: "*/*", requestId: "req-2" });

    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 503, code: "unavailable", requestId: "req-2" });
  });
});
