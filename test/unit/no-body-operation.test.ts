// An operation without a request body (a GET beside the PATCH on /api/threads/{id}), as
// `npm run generate` writes one into generated/ (tried on a spec with `getThread`: in validators.js
// `checkRequestBody("getThread", …)` is null, its `operations` entry has `requestBody: null`,
// `requestFields: {}` and `normalize: null`, its `bodyLimits` entry both limits null; in meta.js a `routes` entry with `method: "GET"`).
// The spec in openapi/ has no such operation (puffle/supported-shape refuses one), so the generated
// modules are given that entry here, built from updateThread's own validators, and the shipped
// src/validators.ts and src/client.ts are run over them.
import { describe, expect, it, vi } from "vitest";

vi.mock("../../generated/validators.js", async (importOriginal) => {
  const v = await importOriginal<typeof import("../../generated/validators.js")>();
  const thread = v.operations.updateThread;
  return {
    ...v,
    operationIds: Object.freeze([...v.operationIds, "getThread"]),
    responseStatuses: Object.freeze({ ...v.responseStatuses, getThread: Object.freeze(["200", "404"]) }),
    operations: Object.freeze({
      ...v.operations,
      getThread: Object.freeze({ pathParams: thread.pathParams, requestBody: null, requestFields: Object.freeze({}), normalize: null, responses: Object.freeze({ 200: thread.responses[200], 404: thread.responses[404] }) }),
    }),
    // As the generator writes it for every operation (e53d277): the client's checks before sending read it.
    bodyLimits: Object.freeze({ ...v.bodyLimits, getThread: Object.freeze({ maxBodyBytes: null, maxBodyDepth: null }) }),
    checkRequestBody: (operationId: string, body: unknown) => (operationId === "getThread" ? null : v.checkRequestBody(operationId, body)),
    checkPathParams: (operationId: string, params: unknown) => v.checkPathParams(operationId === "getThread" ? "updateThread" : operationId, params),
    checkResponseBody: (operationId: string, status: string, body: unknown) =>
      operationId === "getThread" ? (status === "200" || status === "404" ? v.checkResponseBody("updateThread", status, body) : undefined) : v.checkResponseBody(operationId, status, body),
  };
});

vi.mock("../../generated/meta.js", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../generated/meta.js")>();
  // After the PATCH: a table keyed by path alone kept this one for the PATCH too.
  return { ...m, routes: { ...m.routes, getThread: { method: "GET", path: "/api/threads/{id}", idempotent: true, pathExamples: m.routes.updateThread.pathExamples } } };
});

const { normalizeRequestBody, validateRequestBody } = await import("../../src/validators.js");
const { createPuffleClient } = await import("../../src/client.js");
const { PuffleValidationError } = await import("../../src/errors.js");

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const THREAD = { id: THREAD_ID, status: "active" };
type LooseRequest = (method: string, url: string, init: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

describe("validateRequestBody for an operation without a request body", () => {
  it("no body is its valid request", () => {
    // Was: { valid: false, "getThread takes no request body" } for the request it documents.
    // @ts-expect-error getThread is no OperationId of the types generated from openapi/ (mocked in above)
    expect(validateRequestBody("getThread", undefined)).toEqual({ valid: true, value: undefined });
  });
  it.each([
    [{}, "an object"],
    [{ status: "active" }, "an object"],
    [null, "null"],
    [[], "an array"],
    ["text", "string"],
  ])("a body given (%j) is refused, saying what was given", (body, got) => {
    // @ts-expect-error getThread is no OperationId of the types generated from openapi/ (mocked in above)
    expect(validateRequestBody("getThread", body)).toEqual({ valid: false, errors: [{ path: "", keyword: "content", message: `getThread takes no request body (got ${got})` }] });
  });
  it("the other operations are as before", () => {
    expect(validateRequestBody("updateThread", { status: "archived" })).toEqual({ valid: true, value: { status: "archived" } });
    expect(validateRequestBody("updateThread", undefined).valid).toBe(false);
  });
});

describe("normalizeRequestBody for an operation without a request body", () => {
  it("no body: nothing to normalize, ok", () => {
    // Was: 400 "must be object (got no body)".
    // @ts-expect-error getThread is no OperationId of the types generated from openapi/ (mocked in above)
    expect(normalizeRequestBody("getThread", undefined)).toEqual({ ok: true, body: undefined, dropped: [] });
  });
  it("a body given: a 400 naming the operation, not a body with no valid field", () => {
    // Was: 400 "/status is not a known field" (the rule with no x-puffle-normalize rejects unknown fields), or
    // for {} "must have at least 1 valid field".
    for (const [body, got] of [[{ status: "active" }, "an object"], [{}, "an object"], [null, "null"]] as const) {
      // @ts-expect-error getThread is no OperationId of the types generated from openapi/ (mocked in above)
      expect(normalizeRequestBody("getThread", body)).toEqual({ ok: false, status: 400, errors: [{ path: "", keyword: "content", message: `getThread takes no request body (got ${got})` }] });
    }
  });
});

describe("the raw client over a GET beside the PATCH (validate: both)", () => {
  it("the GET is checked as getThread: path id, no body, its 200", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ thread: THREAD }), { status: 200, headers: { "content-type": "application/json" } }));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "both", maxRetries: 0 });
    const get = client.request as unknown as LooseRequest;
    const { data } = await get("get", "/api/threads/{id}", { params: { path: { id: THREAD_ID } } });
    expect(data).toEqual({ thread: THREAD });
    const badId = await get("get", "/api/threads/{id}", { params: { path: { id: "nope" } } }).catch((e: unknown) => e);
    expect(badId).toBeInstanceOf(PuffleValidationError);
    expect((badId as InstanceType<typeof PuffleValidationError>).operationId).toBe("getThread");
    fetch.mockImplementationOnce(async () => new Response(JSON.stringify({ nope: 1 }), { status: 200, headers: { "content-type": "application/json" } }));
    const badAnswer = await get("get", "/api/threads/{id}", { params: { path: { id: THREAD_ID } } }).catch((e: unknown) => e);
    expect((badAnswer as Error).message).toBe("getThread: response 200: thread is required");
  });
  it("the PATCH is still checked as updateThread (not as the GET listed after it)", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ thread: THREAD }), { status: 200, headers: { "content-type": "application/json" } }));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "both", maxRetries: 0 });
    const { data } = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "active" } });
    expect(data).toEqual({ thread: THREAD });
    const bad = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "draft" } as never }).catch((e: unknown) => e);
    expect((bad as Error).message).toMatch(/^updateThread: request body: status must be one of/);
  });
});
