// The methods' direct transport: `updateThread` / `updateConversation` call `fetch(url, init)`
// without building a `Request` (openapi-fetch's `PATCH` and `raw` still pass a `Request`); the path
// id is accepted by the spec's pattern without loading the validators, and any other id still gets
// the generated validator's verdict; the caller's middlewares and a form content type still go
// through openapi-fetch; one shared timer carries the client's deadlines and never keeps the
// process alive once the calls are done.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { createPuffleClient, PuffleAbortError, PuffleApiError, PuffleTimeoutError, PuffleValidationError } from "../../src/index.js";
import type { Middleware, PuffleHeaders } from "../../src/index.js";
import { ID_PATTERN } from "../../src/client.js";
import { validatePathParams } from "../../src/validators.js";
import { deref, rejection, specOperations } from "../helpers.js";
import type { JsonObject } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const CONVERSATION_ID = "f11e8a2c-1234-4567-89ab-cdef01234567";
const THREAD = { id: THREAD_ID, status: "archived" };

type Call = [string | Request, RequestInit?];

function spy(status = 200, body: unknown = { thread: THREAD }, headers: Record<string, string> = { "content-type": "application/json" }) {
  return vi.fn(async (_input: string | Request, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers }));
}

function timeouts(): number {
  return process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
}

describe("the path id pattern", () => {
  it("is the spec's pattern for the id of every operation", () => {
    const ops = specOperations();
    expect(ops.length).toBe(2);
    for (const op of ops) {
      const id = op.parameters.find((p) => p.name === "id" && p.in === "path");
      const schema = deref<JsonObject>(id?.schema);
      expect(schema.format).toBe("uuid");
      expect(new RegExp(schema.pattern as string).source.replace(/^\^\(/, "^(?:")).toBe(ID_PATTERN.source);
    }
  });

  it("every id it accepts, the generated validator accepts (ids it refuses go to the validator)", () => {
    const hex = fc.constantFrom(..."0123456789abcdefABCDEF-".split(""));
    const uuidish = fc.oneof(
      fc.uuid(),
      fc.uuid().map((u) => u.toUpperCase()),
      fc.string({ unit: hex, minLength: 30, maxLength: 40 }),
      fc.string(),
      fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", `urn:uuid:${THREAD_ID}`),
    );
    fc.assert(
      fc.property(uuidish, fc.constantFrom("updateThread", "updateConversation") as fc.Arbitrary<"updateThread" | "updateConversation">, (id, op) => {
        if (ID_PATTERN.test(id)) expect(validatePathParams(op, { id }).valid).toBe(true);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it("an id the pattern refuses still gets the validator's verdict, and is not sent", async () => {
    const fetch = spy();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    for (const id of ["ffffffff-ffff-ffff-ffff-fffffffffff", `urn:uuid:${THREAD_ID}`, "a/b"]) {
      expect(validatePathParams("updateThread", { id }).valid).toBe(false);
      const error = await rejection(client.updateThread(id, { status: "archived" }));
      expect(error).toBeInstanceOf(PuffleValidationError);
      expect(error).toMatchObject({ target: "path", field: "id" });
    }
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("updateThread / updateConversation call fetch(url, init)", () => {
  it("with the URL as a string and a plain init: method, lower-case headers, the JSON text, the deadline's signal", async () => {
    const fetch = spy();
    const client = createPuffleClient({ baseUrl: "HTTP://Example.TEST:80/prefix/", apiKey: "tok", fetch, headers: { "X-Trace": "t1", Authorization: "overridden by apiKey" } });
    await client.updateThread(THREAD_ID, { status: "archived" }, { headers: { "X-Call": "c1", "x-trace": "t2" } });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as Call;
    expect(typeof url).toBe("string");
    expect(url).toBe(`http://example.test/prefix/api/threads/${THREAD_ID}`);
    expect(init?.method).toBe("PATCH");
    expect(init?.headers).toEqual({ "content-type": "application/json", authorization: "Bearer tok", "x-trace": "t2", "x-call": "c1" });
    expect(init?.body).toBe('{"status":"archived"}');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(init?.signal?.aborted).toBe(false);
    // The same request openapi-fetch builds for PATCH.
    const rawFetch = spy();
    await createPuffleClient({ baseUrl: "HTTP://Example.TEST:80/prefix/", apiKey: "tok", fetch: rawFetch, headers: { "X-Trace": "t1" } }).PATCH("/api/threads/{id}", {
      params: { path: { id: THREAD_ID } },
      body: { status: "archived" },
      headers: { "X-Call": "c1", "x-trace": "t2" },
    });
    const request = rawFetch.mock.calls[0]?.[0] as Request;
    expect(request).toBeInstanceOf(Request);
    const direct = new Request(url, init);
    expect(direct.url).toBe(request.url);
    expect([...direct.headers]).toEqual([...request.headers]);
    expect(await direct.text()).toBe(await request.text());
  });

  it("no signal with timeoutMs 0 and no caller signal; the caller's signal aborts the one fetch gets", async () => {
    const fetch = spy();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, timeoutMs: 0 });
    await client.updateConversation(CONVERSATION_ID, { status: "archived" }).catch(() => undefined);
    expect((fetch.mock.calls[0] as Call)[1]?.signal).toBeUndefined();

    let seen: AbortSignal | undefined;
    const hanging = vi.fn((_input: string | Request, init?: RequestInit) => {
      seen = init?.signal ?? undefined;
      return new Promise<Response>(() => {}); // ignores its signal
    });
    const controller = new AbortController();
    const pending = rejection(createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: hanging, timeoutMs: 0 }).updateThread(THREAD_ID, { status: "archived" }, { signal: controller.signal }));
    await vi.waitFor(() => expect(hanging).toHaveBeenCalled());
    controller.abort(new Error("user left"));
    const error = await pending;
    expect(error).toBeInstanceOf(PuffleAbortError);
    expect(error).toMatchObject({ attempts: 1, url: `http://127.0.0.1:9/api/threads/${THREAD_ID}` });
    expect(seen?.aborted).toBe(true);
  });

  it("a body-less call sends no content type and no body", async () => {
    const fetch = spy();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    await client.updateThread(THREAD_ID, undefined as never).catch(() => undefined);
    const [, init] = fetch.mock.calls[0] as Call;
    expect(init?.body).toBeUndefined();
    expect(init?.headers).toEqual({ authorization: "Bearer k" });
  });

  it("error bodies, empty 200s and request validation read as before", async () => {
    const problem = { type: "https://app.puffle.ai/problems/not-found", title: "Not found", status: 404 };
    const notFound = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: spy(404, problem, { "content-type": "application/problem+json", "x-request-id": "r1" }) });
    const error = (await rejection(notFound.updateThread(THREAD_ID, { status: "archived" }))) as PuffleApiError;
    expect(error).toBeInstanceOf(PuffleApiError);
    expect(error).toMatchObject({ status: 404, problem, body: problem, requestId: "r1", attempts: 1 });

    const empty = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: vi.fn(async () => new Response(null, { status: 204 })) });
    expect(await rejection(empty.updateThread(THREAD_ID, { status: "archived" }))).toMatchObject({ target: "response", issues: [{ message: "is empty" }] });

    const strict = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: spy(200, { thread: { ...THREAD, status: "bogus" } }), validate: "both" });
    expect(await rejection(strict.updateThread(THREAD_ID, { status: "archivd" } as never))).toMatchObject({ target: "request", field: "status" });
    expect(await rejection(strict.updateThread(THREAD_ID, { status: "archived" }))).toMatchObject({ target: "response", field: "thread.status", status: 200 });
  });
});

// Found by review: the direct path's merge (mergeHeaderRecord) replaced a header with an array
// value and removed it with an empty one, where openapi-fetch (0.17, `mergeHeaders`) appends each
// item to what the earlier layers (the client's headers) or an earlier key of the same object set,
// and so leaves it as it was for `[]`; a joined item's spaces were trimmed once around the whole
// value, where fetch trims each appended item. Each row sends one header shape both ways (directly,
// and through openapi-fetch with a no-op middleware registered) and compares what fetch would send.
describe("the same headers on both paths", () => {
  type Shape = { client?: PuffleHeaders; call?: PuffleHeaders; body?: false; expected: Record<string, string | null> };
  const shapes: [string, Shape][] = [
    ["an empty array per call keeps the client's value", { client: { "x-tag": "a" }, call: { "x-tag": [] }, expected: { "x-tag": "a" } }],
    ["an empty array per call, none at the client's level: no header", { call: { "x-tag": [] }, expected: { "x-tag": null } }],
    ["an empty array at the client's level: no header", { client: { "x-tag": [] }, expected: { "x-tag": null } }],
    ["an empty array for authorization per call keeps the token", { call: { authorization: [] }, expected: { authorization: "Bearer k" } }],
    ["an array per call appends to the client's value", { client: { "x-tag": "a" }, call: { "x-tag": ["b"] }, expected: { "x-tag": "a, b" } }],
    ["an array per call appends to the client's array", { client: { "X-Tag": ["a", "b"] }, call: { "x-tag": ["c", "d"] }, expected: { "x-tag": "a, b, c, d" } }],
    ["an array appends to an earlier key of the same object", { call: { "X-Tag": "a", "x-tag": ["b"] }, expected: { "x-tag": "a, b" } }],
    ["an array at the client's level appends to the client's earlier key", { client: { "x-tag": "a", "X-TAG": [1, true] }, expected: { "x-tag": "a, 1, true" } }],
    ["an array per call appends to the token", { call: { Authorization: ["Bearer other"] }, expected: { authorization: "Bearer k, Bearer other" } }],
    // docs/client.md, the `headers` row: the apiKey's token replaces a client-level authorization; a per-call string wins over both.
    ["the apiKey's token replaces a client-level authorization", { client: { authorization: "Bearer mine" }, expected: { authorization: "Bearer k" } }],
    ["a string authorization per call replaces the token", { client: { authorization: "Bearer mine" }, call: { Authorization: "Bearer call" }, expected: { authorization: "Bearer call" } }],
    ["a string per call replaces the client's array", { client: { "x-tag": ["a", "b"] }, call: { "x-tag": "c" }, expected: { "x-tag": "c" } }],
    ["null per call removes the client's value", { client: { "x-tag": "a" }, call: { "X-Tag": null }, expected: { "x-tag": null } }],
    ["null after an array in one object removes both", { call: { "x-tag": ["a"], "X-Tag": null }, expected: { "x-tag": null } }],
    ["an array after null in one object starts again", { client: { "x-tag": "a" }, call: { "x-tag": null, "X-Tag": ["b", "c"] }, expected: { "x-tag": "b, c" } }],
    ["undefined per call keeps the client's value", { client: { "x-tag": "a" }, call: { "x-tag": undefined }, expected: { "x-tag": "a" } }],
    ["numbers and booleans, alone and in arrays", { call: { "x-n": 0, "x-f": -1.5, "x-t": true, "x-no": false, "x-list": [1, false, "s"] }, expected: { "x-n": "0", "x-f": "-1.5", "x-t": "true", "x-no": "false", "x-list": "1, false, s" } }],
    ["empty strings, alone and in arrays", { client: { "x-e": "" }, call: { "x-tag": ["", ""], "x-e": [""] }, expected: { "x-tag": ",", "x-e": "," } }],
    ["spaces around each item are trimmed, as fetch trims each appended value", { client: { "x-tag": " a\t" }, call: { "x-tag": ["  b ", "\tc"], "x-one": "  d  " }, expected: { "x-tag": "a, b, c", "x-one": "d" } }],
    ["spaces around the items of one array are trimmed per item", { call: { "x-tag": ["a ", " b", "\tc\t"] }, expected: { "x-tag": "a, b, c" } }],
    // Found by the verifier of 6088db3: the direct path's "value so far" read Object.prototype's
    // `constructor`, so `constructor: ["b"]` sent `function Object() { [native code] }, b`.
    ["an array for a header named as an Object.prototype member", { client: { constructor: ["a"] }, call: { constructor: ["b"], valueof: ["c"] }, expected: { constructor: "a, b", valueof: "c" } }],
    ["a body-less call: the same, without a content type", { client: { "x-tag": "a" }, call: { "x-tag": ["b"] }, body: false, expected: { "x-tag": "a, b", "content-type": null } }],
  ];

  const noop: Middleware = { onRequest: () => undefined };

  it.each(shapes)("%s", async (_name, shape) => {
    const direct = spy();
    const viaOpenapiFetch = spy();
    const body = shape.body === false ? (undefined as never) : { status: "archived" as const };
    const options = shape.call === undefined ? undefined : { headers: shape.call };
    await createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: direct, headers: shape.client }).updateThread(THREAD_ID, body, options).catch(() => undefined);
    const slow = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: viaOpenapiFetch, headers: shape.client });
    slow.use(noop);
    await slow.updateThread(THREAD_ID, body, options).catch(() => undefined);
    const [url, init] = direct.mock.calls[0] as Call;
    expect(typeof url).toBe("string");
    const request = viaOpenapiFetch.mock.calls[0]?.[0] as Request;
    expect(request).toBeInstanceOf(Request);
    const sent = new Request(url, init);
    expect([...sent.headers]).toEqual([...request.headers]);
    for (const [name, value] of Object.entries(shape.expected)) expect(sent.headers.get(name), name).toBe(value);
  });
});

describe("what still goes through openapi-fetch", () => {
  it("the caller's middlewares apply to the methods; once ejected, the methods call fetch directly again", async () => {
    const fetch = spy();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    const seen: string[] = [];
    const middleware: Middleware = {
      onRequest({ request }) {
        seen.push(request.url);
        request.headers.set("x-from-middleware", "1");
        return request;
      },
    };
    client.use(middleware);
    expect((await client.updateThread(THREAD_ID, { status: "archived" })).id).toBe(THREAD_ID);
    expect(seen).toEqual([`http://127.0.0.1:9/api/threads/${THREAD_ID}`]);
    const sent = fetch.mock.calls[0]?.[0] as Request;
    expect(sent).toBeInstanceOf(Request);
    expect(sent.headers.get("x-from-middleware")).toBe("1");
    client.eject(middleware);
    await client.updateThread(THREAD_ID, { status: "archived" });
    expect(seen).toHaveLength(1);
    expect(typeof fetch.mock.calls[1]?.[0]).toBe("string");
    // raw.use counts too.
    client.raw.use(middleware);
    await client.updateThread(THREAD_ID, { status: "archived" });
    expect(seen).toHaveLength(2);
  });

  it("a form content type is serialized by openapi-fetch, as before", async () => {
    const fetch = spy();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    await client.updateThread(THREAD_ID, { status: "archived" }, { headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const sent = fetch.mock.calls[0]?.[0] as Request;
    expect(sent).toBeInstanceOf(Request);
    expect(await sent.text()).toBe("status=archived");
  });
});

describe("deadlines", () => {
  it("one shared timer: stalled calls time out, quick ones do not, and no timer is left once all are done", async () => {
    const before = timeouts();
    let n = 0;
    const fetch = vi.fn(async (_input: string | Request, init?: RequestInit) => {
      n += 1;
      if (n % 2 === 0) return new Promise<Response>(() => {}); // ignores its signal
      await new Promise((r) => setTimeout(r, 5));
      void init;
      return new Response(JSON.stringify({ thread: THREAD }), { status: 200, headers: { "content-type": "application/json" } });
    });
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, timeoutMs: 80, maxRetries: 0 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => client.updateThread(THREAD_ID, { status: "archived" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const failed = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(failed).toHaveLength(5);
    for (const error of failed) expect(error).toMatchObject({ name: "PuffleTimeoutError", timeoutMs: 80, attempts: 1 });
    for (const call of fetch.mock.calls.filter((_c, i) => i % 2 === 1)) expect(call[1]?.signal?.aborted).toBe(true);
    // The shared timer, if still armed, no longer holds the process open.
    const ref = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    expect(ref).toBeLessThanOrEqual(before);
  });

  it("a caller's abort ends that call only, not the calls started with it", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const fetch = vi.fn((_input: string | Request, init?: RequestInit) => {
      signals.push(init?.signal ?? undefined);
      return new Promise<Response>((resolve) => setTimeout(() => resolve(new Response(JSON.stringify({ thread: THREAD }), { status: 200, headers: { "content-type": "application/json" } })), 30));
    });
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    const controller = new AbortController();
    const calls = [
      client.updateThread(THREAD_ID, { status: "archived" }),
      client.updateThread(THREAD_ID, { status: "archived" }, { signal: controller.signal }),
      client.updateThread(THREAD_ID, { status: "archived" }),
    ];
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
    controller.abort(new Error("stop"));
    const [first, second, third] = await Promise.allSettled(calls);
    expect(first).toMatchObject({ status: "fulfilled" });
    expect(second).toMatchObject({ status: "rejected", reason: { name: "PuffleAbortError" } });
    expect(third).toMatchObject({ status: "fulfilled" });
    expect(signals[1]?.aborted).toBe(true);
    expect(signals[0]?.aborted).toBe(false);
    expect(signals[2]?.aborted).toBe(false);
  });

  it("a call that finished is not touched when a call started with it times out", async () => {
    let n = 0;
    const fetch = vi.fn(async (_input: string | Request, _init?: RequestInit) => {
      n += 1;
      if (n === 2) return new Promise<Response>(() => {});
      return new Response(JSON.stringify({ thread: THREAD }), { status: 200, headers: { "content-type": "application/json" } });
    });
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, timeoutMs: 40, maxRetries: 0 });
    const done = await client.updateThread(THREAD_ID, { status: "archived" });
    const stalled = rejection(client.updateThread(THREAD_ID, { status: "archived" }));
    expect(done.id).toBe(THREAD_ID);
    expect(await stalled).toBeInstanceOf(PuffleTimeoutError);
    expect(await client.updateThread(THREAD_ID, { status: "archived" })).toMatchObject({ id: THREAD_ID });
  });

  it("a per-call timeoutMs shorter than the client's wins; a longer one too", async () => {
    const fetch = vi.fn(() => new Promise<Response>(() => {}));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, timeoutMs: 10_000 });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "archived" }, { timeoutMs: 30 }));
    expect(error).toBeInstanceOf(PuffleTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 30 });
    const short = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, timeoutMs: 20 });
    const late = await rejection(short.updateThread(THREAD_ID, { status: "archived" }, { timeoutMs: 60 }));
    expect(late).toMatchObject({ name: "PuffleTimeoutError", timeoutMs: 60 });
  });
});
