import { describe, expect, it } from "vitest";

import { MAX_BODY_BYTES, readRequestFields } from "./read-request-fields";

function post(body: BodyInit | null, contentType?: string): Request {
  const headers = contentType ? { "content-type": contentType } : undefined;
  return new Request("http://127.0.0.1/api/demo/app/token", { method: "POST", body, headers });
}

describe("readRequestFields", () => {
  it("reads a form body", async () => {
    await expect(readRequestFields(post("identity=bob1&device=web1", "application/x-www-form-urlencoded"))).resolves.toEqual({
      identity: "bob1",
      device: "web1",
    });
  });

  it("reads a JSON body with a charset parameter", async () => {
    await expect(readRequestFields(post('{"identity":"bob1","device":"web1"}', "application/json; charset=utf-8"))).resolves.toEqual({
      identity: "bob1",
      device: "web1",
    });
  });

  it.each([
    ["empty JSON body", "", /invalid JSON body: the body is empty/],
    ["truncated JSON", '{"identity":', /invalid JSON body: it does not parse/],
    ["JSON array", "[1,2]", /invalid JSON body: it must be a JSON object/],
    ["JSON null", "null", /invalid JSON body: it must be a JSON object/],
  ])("rejects %s with 400", async (_name, body, message) => {
    await expect(readRequestFields(post(body, "application/json"))).rejects.toMatchObject({ status: 400, message: expect.stringMatching(message) });
  });

  it("rejects JSON sent as text/plain with 415 naming the accepted types", async () => {
    await expect(readRequestFields(post('{"identity":"a"}', "text/plain"))).rejects.toMatchObject({
      status: 415,
      message: expect.stringMatching(/'text\/plain' is not supported: send application\/x-www-form-urlencoded or application\/json/),
    });
  });

  it("rejects a body without a content type with 415", async () => {
    await expect(readRequestFields(post(null))).rejects.toMatchObject({ status: 415 });
  });

  it("rejects a repeated form field naming it", async () => {
    await expect(readRequestFields(post("identity=a&identity=b", "application/x-www-form-urlencoded"))).rejects.toMatchObject({
      status: 400,
      field: "identity",
      message: "identity given more than once: send each field once",
    });
  });

  it("rejects a 2 MB body with 413", async () => {
    const body = `identity=${"a".repeat(2 * 1024 * 1024)}`;

    await expect(readRequestFields(post(body, "application/x-www-form-urlencoded"))).rejects.toMatchObject({ status: 413 });
  });

  it("counts bytes when Content-Length is absent", async () => {
    const chunk = new TextEncoder().encode("a".repeat(MAX_BODY_BYTES));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const request = new Request("http://127.0.0.1/", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);

    await expect(readRequestFields(request)).rejects.toMatchObject({ status: 413 });
  });
});
