// The client's edges with an injected fetch: options a request could never be sent with are
// refused when given (never retried as "network errors"), another fetch's Response is read like
// the platform's, a network-error Response is a network error, and a 2xx body that is not JSON is
// a PuffleError on the raw openapi-fetch path as on the methods.
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createPuffleClient,
  fieldOfPointer,
  isDuplicateThreadError,
  PuffleApiError,
  PuffleConfigError,
  PuffleError,
  PuffleNetworkError,
  PuffleValidationError,
} from "../../src/index.js";
import type { PuffleClientOptions, PuffleRequestOptions } from "../../src/index.js";
import { rejection } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const THREAD = { id: THREAD_ID, status: "archived" };
const BASE = "http://127.0.0.1:9";

function okFetch() {
  return vi.fn(async (_input: string | Request, _init?: RequestInit) => Response.json({ thread: THREAD }));
}

/** A response of another fetch's making (node-fetch, undici's own package, a polyfill): shaped like one, not this realm's. */
class ForeignResponse {
  readonly ok: boolean;
  readonly headers: Headers;
  bodyUsed = false;
  constructor(
    private readonly body: string,
    readonly status: number,
    headers: Record<string, string>,
    readonly statusText = "",
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new Headers(headers);
  }
  async text(): Promise<string> {
    if (this.bodyUsed) throw new TypeError("body used already");
    this.bodyUsed = true;
    return this.body;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(await this.text()).buffer as ArrayBuffer;
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}

const foreignFetch = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  vi.fn(async (_input: string | Request, _init?: RequestInit) => new ForeignResponse(JSON.stringify(body), status, { "content-type": "application/json", ...headers }) as unknown as Response);

describe("client options a request could not be sent with are refused when given", () => {
  const cases: [string, { given: PuffleClientOptions; option: string; message: RegExp }][] = [
    ["a user and password in baseUrl", { given: { baseUrl: "http://user:s3cret@127.0.0.1:9/" }, option: "baseUrl", message: /^createPuffleClient: baseUrl must not hold a user name or password/ }],
    ["a user alone in baseUrl", { given: { baseUrl: "https://user@app.example" }, option: "baseUrl", message: /must not hold a user name or password/ }],
    ["an empty query in baseUrl", { given: { baseUrl: "http://127.0.0.1:9/?" }, option: "baseUrl", message: /must not have a query or fragment, got "http:\/\/127.0.0.1:9\/\?"/ }],
    ["an empty fragment in baseUrl", { given: { baseUrl: "http://127.0.0.1:9/#" }, option: "baseUrl", message: /must not have a query or fragment/ }],
    ["an empty query after a path", { given: { baseUrl: "http://127.0.0.1:9/v1?" }, option: "baseUrl", message: /must not have a query or fragment/ }],
    ["headers as a string", { given: { headers: "x-a: 1" as never }, option: "headers", message: /headers must be a plain object of header names to values \(got string\)/ }],
    ["headers as an array of pairs", { given: { headers: [["x-a", "1"]] as never }, option: "headers", message: /\(got an array\)/ }],
    ["headers as a Headers", { given: { headers: new Headers({ "x-a": "1" }) as never }, option: "headers", message: /\(got a Headers object; Object\.fromEntries\(headers\) gives one\)/ }],
    ["headers as null", { given: { headers: null as never }, option: "headers", message: /\(got null\)/ }],
    ["a header name with a space", { given: { headers: { "bad name": "x" } }, option: "headers", message: /headers has "bad name", which is not a header name/ }],
    ["an empty header name", { given: { headers: { "": "x" } }, option: "headers", message: /headers has "", which is not a header name/ }],
    ["a header value with a line break", { given: { headers: { "x-trace": "l1\r\nInjected: yes" } }, option: "headers.x-trace", message: /headers\.x-trace must be a header value: no line break or NUL/ }],
    ["a header value with NUL", { given: { headers: { "x-a": "a\u0000b" } }, option: "headers.x-a", message: /no line break or NUL/ }],
    ["a header value beyond Latin-1", { given: { headers: { "x-a": "snow ☃" } }, option: "headers.x-a", message: /Latin-1 characters only/ }],
    ["a header value that is an object", { given: { headers: { "x-a": {} as never } }, option: "headers.x-a", message: /must be a string, number or boolean \(or an array of them\), got object/ }],
    ["a bad item in a header array", { given: { headers: { "x-a": ["1", "2\n"] as never } }, option: "headers.x-a", message: /no line break/ }],
  ];
  it.each(cases)("%s", (_name, { given, option, message }) => {
    const fetch = okFetch();
    const thrown = (() => {
      try {
        createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch, ...given });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(PuffleConfigError);
    expect((thrown as PuffleConfigError).option).toBe(option);
    expect((thrown as Error).message).toMatch(message);
    // A password in the URL is never repeated back.
    expect((thrown as Error).message).not.toContain("s3cret");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("accepts what openapi-fetch accepts as header values, and sends them", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({
      baseUrl: BASE,
      apiKey: "k",
      fetch,
      headers: { "X-Count": 3 as never, "x-flag": true as never, "x-list": ["a", "b"] as never, "x-skip": undefined as never, "x-latin": "café" },
    });
    await client.updateThread(THREAD_ID, { status: "archived" });
    const headers = new Headers(fetch.mock.calls[0]?.[1]?.headers);
    expect(Object.fromEntries(headers)).toMatchObject({ "x-count": "3", "x-flag": "true", "x-list": "a, b", "x-latin": "café" });
    expect(headers.has("x-skip")).toBe(false);
  });
});

describe("per-call options are checked before anything is sent, named for the method", () => {
  const cases: [string, { given: PuffleRequestOptions; option: string; message: RegExp }][] = [
    ["a header value with a line break", { given: { headers: { "x-trace": "l1\r\nInjected: yes" } }, option: "headers.x-trace", message: /^updateThread: headers\.x-trace must be a header value/ }],
    ["headers as a string", { given: { headers: "oops" as never }, option: "headers", message: /^updateThread: headers must be a plain object/ }],
    ["a bad header name", { given: { headers: { "a:b": "1" } }, option: "headers", message: /^updateThread: headers has "a:b"/ }],
    ["a negative timeout", { given: { timeoutMs: -5 }, option: "timeoutMs", message: /^updateThread: timeoutMs must be an integer number of milliseconds/ }],
    ["a fractional retry count", { given: { maxRetries: 1.5 }, option: "maxRetries", message: /^updateThread: maxRetries must be an integer/ }],
    // It was a bare TypeError ("caller?.addEventListener is not a function"), thrown after the call's timer had started.
    ["a signal that is a string", { given: { signal: "stop" as never }, option: "signal", message: /^updateThread: signal must be an AbortSignal, got string$/ }],
    ["a signal that is a plain object", { given: { signal: { aborted: false } as never }, option: "signal", message: /^updateThread: signal must be an AbortSignal, got an object that is not one \(no aborted, addEventListener and removeEventListener\)$/ }],
    // An unknown key was ignored, as createPuffleClient's were: `{ timeout: 5000 }` ran under the client's 30 s.
    ["timeout: within 2 edits of timeoutMs", { given: { timeout: 5000 } as never, option: "timeout", message: /^updateThread: timeout is not an option \(did you mean timeoutMs\?\)$/ }],
    ["timeoutMS: case", { given: { timeoutMS: 5000 } as never, option: "timeoutMS", message: /^updateThread: timeoutMS is not an option \(did you mean timeoutMs\?\)$/ }],
    ["retry: a client option, not a per-call one", { given: { retry: { baseDelayMs: 0 } } as never, option: "retry", message: /^updateThread: retry is not an option \(the options are signal, timeoutMs, headers, maxRetries\)$/ }],
    ["an unknown key given as undefined", { given: { Headers: undefined } as never, option: "Headers", message: /\(did you mean headers\?\)$/ }],
    ["a whole RequestInit", { given: { method: "PATCH", signal: null } as never, option: "method", message: /^updateThread: method is not an option \(the options are/ }],
    ["an unknown key inherited", { given: Object.create({ timeout: 5000 }) as never, option: "timeout", message: /\(did you mean timeoutMs\?\)$/ }],
    ["an unknown getter of a class", { given: new (class { get timeout() { return 5000; } })() as never, option: "timeout", message: /\(did you mean timeoutMs\?\)$/ }],
    ["a null-prototype object with an unknown key", { given: Object.assign(Object.create(null) as object, { timeoutMs: 5, maxretries: 0 }) as never, option: "maxretries", message: /\(did you mean maxRetries\?\)$/ }],
    ["a Map", { given: new Map([["timeoutMs", 5000]]) as never, option: "options", message: /^updateThread: options must be an object whose properties are the options, got a Map \(pass its entries as properties: Object\.fromEntries\(map\)\)$/ }],
    ["a Promise", { given: Promise.resolve({ timeoutMs: 5000 }) as never, option: "options", message: /^updateThread: options must be an object whose properties are the options, got a Promise \(an await left out\?\)$/ }],
    ["an array", { given: [] as never, option: "options", message: /got an array$/ }],
    ["a Proxy whose ownKeys throws", { given: new Proxy({}, { ownKeys() { throw new Error("vault locked"); } }) as never, option: "options", message: /^updateThread: options must be an object whose properties are the options, got an object whose keys cannot be read \(vault locked\)$/ }],
  ];
  it.each(cases)("%s", async (_name, { given, option, message }) => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "archived" }, given));
    expect(error).toBeInstanceOf(PuffleConfigError);
    expect((error as PuffleConfigError).option).toBe(option);
    expect((error as Error).message).toMatch(message);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("per-call options: an unknown key is refused on every path of both methods; known ones in any form are accepted", () => {
  it("with a middleware (through openapi-fetch) and updateConversation too: refused, nothing sent", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch });
    const conversation = await rejection(client.updateConversation(THREAD_ID, { status: "archived" }, { timeout: 5 } as never));
    expect(conversation).toMatchObject({ name: "PuffleConfigError", option: "timeout", message: "updateConversation: timeout is not an option (did you mean timeoutMs?)" });
    client.use({ onRequest: ({ request }) => request });
    const viaMiddleware = await rejection(client.updateThread(THREAD_ID, { status: "archived" }, { signl: null } as never));
    expect(viaMiddleware).toMatchObject({ name: "PuffleConfigError", option: "signl", message: "updateThread: signl is not an option (did you mean signal?)" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("a null-prototype object, a class instance, inherited known keys and a symbol key are accepted", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch });
    const bare = Object.assign(Object.create(null) as object, { timeoutMs: 5000, maxRetries: 0 });
    class CallOptions {
      timeoutMs = 5000;
      get maxRetries() {
        return 0;
      }
    }
    for (const given of [bare, new CallOptions(), Object.create({ timeoutMs: 5000 }) as object, { [Symbol("trace")]: 1, timeoutMs: 5000 }]) {
      await expect(client.updateThread(THREAD_ID, { status: "archived" }, given as PuffleRequestOptions)).resolves.toEqual(THREAD);
    }
    expect(fetch).toHaveBeenCalledTimes(4);
  });
});

describe("another fetch's Response is read like the platform's", () => {
  it("the methods return the record, sent once", async () => {
    const fetch = foreignFetch({ thread: THREAD }, 200, { "x-request-id": "req-1" });
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch });
    await expect(client.updateThread(THREAD_ID, { status: "archived" })).resolves.toEqual(THREAD);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("with response validation too", async () => {
    const fetch = foreignFetch({ thread: { ...THREAD, status: "deleted" } });
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch, validate: "response" });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "archived" }));
    // The validator read the foreign body.
    expect(error).toBeInstanceOf(PuffleValidationError);
    expect(error).toMatchObject({ target: "response", field: "thread.status" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("an error status is a PuffleApiError with its headers and problem, not a network error", async () => {
    const problem = { type: "about:blank", title: "Not Found", status: 404, detail: "no such thread" };
    const fetch = foreignFetch(problem, 404, { "content-type": "application/problem+json", "x-request-id": "req-404" });
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "archived" }));
    expect(error).toBeInstanceOf(PuffleApiError);
    expect((error as PuffleApiError).status).toBe(404);
    expect((error as PuffleApiError).requestId).toBe("req-404");
    expect((error as PuffleApiError).problem).toEqual(problem);
  });

  it("a retryable status is retried, and the last answer reported", async () => {
    const fetch = foreignFetch({ title: "busy" }, 503);
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch, retry: { sleep: async () => {} } });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "archived" }));
    expect(error).toBeInstanceOf(PuffleApiError);
    expect((error as PuffleApiError).attempts).toBe(3);
  });

  it("the raw openapi-fetch path and the methods with a middleware read it too", async () => {
    const fetch = foreignFetch({ thread: THREAD });
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch });
    const { data } = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } });
    expect(data).toEqual({ thread: THREAD });
    client.use({ onRequest: () => undefined });
    await expect(client.updateThread(THREAD_ID, { status: "archived" })).resolves.toEqual(THREAD);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe("what is not a response is a network error, named", () => {
  const cases: [string, { given: () => unknown; cause: RegExp }][] = [
    ["Response.error()", { given: () => Response.error(), cause: /fetch returned a network error \(a response of status 0\)/ }],
    ["a foreign response of status 0", { given: () => new ForeignResponse("", 0, {}), cause: /fetch returned a network error/ }],
    ["a foreign response of status 99", { given: () => new ForeignResponse("", 99, {}), cause: /fetch returned a response of status 99, not an HTTP status from 200 to 599/ }],
    ["a foreign response of status 600", { given: () => new ForeignResponse("", 600, {}), cause: /fetch returned a response of status 600, not an HTTP status from 200 to 599/ }],
    ["an empty object", { given: () => ({}), cause: /fetch did not return a Response \(got an object without status, headers and body methods\)/ }],
    ["undefined", { given: () => undefined, cause: /fetch did not return a Response \(got undefined\)/ }],
    ["null", { given: () => null, cause: /fetch did not return a Response \(got null\)/ }],
  ];
  for (const path of ["the methods", "the raw client"] as const) {
    it.each(cases)(`${path}: %s`, async (_name, { given, cause }) => {
      const fetch = vi.fn(async () => given() as Response);
      const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch, maxRetries: 0 });
      const error = await rejection(
        path === "the methods"
          ? client.updateThread(THREAD_ID, { status: "archived" })
          : client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } }),
      );
      expect(error).toBeInstanceOf(PuffleNetworkError);
      expect(String((error as PuffleNetworkError).cause)).toMatch(cause);
      expect(fetch).toHaveBeenCalledTimes(1);
    });
  }
});

describe("a 2xx body that is not JSON", () => {
  const html = () => vi.fn(async () => new Response("<html>maintenance</html>", { status: 200, headers: { "content-type": "text/html", "x-request-id": "req-html" } }));

  it("is a PuffleValidationError on the raw path, as on the methods, not a bare SyntaxError", async () => {
    for (const validate of [undefined, "request", "response", "both"] as const) {
      const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch: html(), validate });
      const raw = await rejection(client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } }));
      const method = await rejection(client.updateThread(THREAD_ID, { status: "archived" }));
      for (const error of [raw, method]) {
        expect(error).toBeInstanceOf(PuffleError);
        expect(error).toBeInstanceOf(PuffleValidationError);
        expect(error).toMatchObject({ target: "response", status: 200, requestId: "req-html", issues: [{ path: "", keyword: "content", message: "is not JSON" }] });
      }
    }
  });

  it("is the caller's to read when they ask for text", async () => {
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch: html() });
    const { data } = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, parseAs: "text" });
    expect(data).toBe("<html>maintenance</html>");
  });

  it("an empty 2xx body is no data, as openapi-fetch reads it", async () => {
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch: vi.fn(async () => new Response("", { status: 200 })) });
    const { data, error } = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } });
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });
});

describe("what the options' docs promise", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("every trailing / of baseUrl is ignored", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: `${BASE}/v1///`, apiKey: "k", fetch });
    await client.updateThread(THREAD_ID, { status: "archived" });
    expect(fetch.mock.calls[0]?.[0]).toBe(`${BASE}/v1/api/threads/${THREAD_ID}`);
  });

  it("a header set to null is removed (the token too), one set to undefined is skipped", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch, headers: { "x-team": "a" } });
    await client.updateThread(THREAD_ID, { status: "archived" }, { headers: { authorization: null, "x-team": undefined } });
    const headers = new Headers(fetch.mock.calls[0]?.[1]?.headers);
    expect(headers.has("authorization")).toBe(false);
    expect(headers.get("x-team")).toBe("a");
  });

  // Found by review: per call `authorization: null` removed the token, but the client's own was
  // ignored (the token, added after the caller's headers, put it back); a `content-type: null` at
  // either level sent the JSON body as text/plain, the API's 415 on every call.
  it("null removes the token at the client's level as per call, on every way a request goes", async () => {
    const sentHeaders = (fetch: ReturnType<typeof okFetch>) => {
      const [input, init] = fetch.mock.calls[0] ?? [];
      return input instanceof Request ? input.headers : new Headers(init?.headers);
    };
    const ways = {
      method: (c: ReturnType<typeof createPuffleClient>) => c.updateThread(THREAD_ID, { status: "archived" }),
      // A header of the call's own that takes openapi-fetch's path, and a raw call.
      "openapi-fetch path": (c: ReturnType<typeof createPuffleClient>) => c.updateThread(THREAD_ID, { status: "archived" }, { headers: { "content-type": "application/json" } }),
      raw: (c: ReturnType<typeof createPuffleClient>) => c.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } }),
    };
    for (const [way, send] of Object.entries(ways)) {
      for (const name of ["authorization", "Authorization"]) {
        const fetch = okFetch();
        await send(createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch, headers: { [name]: null, "x-team": "a" } }));
        const headers = sentHeaders(fetch);
        expect(headers.has("authorization"), `${way}, ${name}`).toBe(false);
        expect(headers.get("x-team"), way).toBe("a");
        expect(headers.get("content-type"), way).toBe("application/json");
      }
      // Without it, the token is sent as before.
      const fetch = okFetch();
      await send(createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch }));
      expect(sentHeaders(fetch).get("authorization"), way).toBe("Bearer k");
    }
  });

  it("content-type: null is refused at both levels, naming the option, and nothing is sent", async () => {
    for (const name of ["content-type", "Content-Type"]) {
      expect(() => createPuffleClient({ baseUrl: BASE, apiKey: "k", headers: { [name]: null } })).toThrow(PuffleConfigError);
      const atClient = (() => {
        try {
          createPuffleClient({ baseUrl: BASE, apiKey: "k", headers: { [name]: null } });
        } catch (error) {
          return error as PuffleConfigError;
        }
      })();
      expect(atClient?.option).toBe(`headers.${name}`);
      expect(atClient?.message).toBe(`createPuffleClient: headers.${name} cannot be null: the body is JSON, and without a content type fetch sends it as text/plain, which the API refuses (415); leave the header out to send application/json`);
      const fetch = okFetch();
      const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch });
      const perCall = (await rejection(client.updateThread(THREAD_ID, { status: "archived" }, { headers: { [name]: null } }))) as PuffleConfigError;
      expect(perCall).toBeInstanceOf(PuffleConfigError);
      expect(perCall.option).toBe(`headers.${name}`);
      expect(perCall.message).toMatch(new RegExp(`^updateThread: headers\\.${name} cannot be null: .*\\(415\\)`));
      expect(fetch).not.toHaveBeenCalled();
    }
  });

  // Found by review: the methods refused a call's `content-type: null`, but PATCH, raw.PATCH and
  // request sent the JSON body with it (openapi-fetch's null removes its JSON content type), as
  // text/plain, the API's 415.
  it("a raw call's content-type: null with a JSON body is refused as the methods refuse it, nothing sent", async () => {
    for (const name of ["content-type", "Content-Type"]) {
      const fetch = okFetch();
      const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch });
      const init = { params: { path: { id: THREAD_ID } }, body: { status: "archived" as const }, headers: { [name]: null } };
      const calls = [
        ["PATCH", client.PATCH("/api/threads/{id}", init)],
        ["PATCH", client.raw.PATCH("/api/threads/{id}", init)],
        ["PATCH", client.request("patch", "/api/threads/{id}", init)],
      ] as const;
      for (const [where, call] of calls) {
        const error = (await rejection(call)) as PuffleConfigError;
        expect(error).toBeInstanceOf(PuffleConfigError);
        expect(error.option).toBe(`headers.${name}`);
        expect(error.message).toBe(`${where}: headers.${name} cannot be null: the body is JSON, and without a content type fetch sends it as text/plain, which the API refuses (415); leave the header out to send application/json`);
      }
      expect(fetch).not.toHaveBeenCalled();
    }
  });

  it("a raw call's content-type: null with no JSON body to type (none, a FormData, a serializer of its own) is sent as before", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch, headers: { "content-type": "application/json" } });
    const path = { params: { path: { id: THREAD_ID } } };
    const form = new FormData();
    form.set("status", "archived");
    await client.PATCH("/api/threads/{id}", { ...path, headers: { "content-type": null } } as never);
    await client.PATCH("/api/threads/{id}", { ...path, body: form as never, headers: { "content-type": null } });
    await client.PATCH("/api/threads/{id}", { ...path, body: { status: "archived" }, bodySerializer: () => "status=archived", headers: { "content-type": null } });
    expect(fetch).toHaveBeenCalledTimes(3);
    const types = fetch.mock.calls.map((call) => (call[0] as Request).headers.get("content-type"));
    expect(types[0]).toBeNull();
    expect(types[1]).toMatch(/^multipart\/form-data; boundary=/);
    expect(types[2]).toBe("text/plain;charset=UTF-8");
  });

  it("an empty PUFFLE_API_KEY is unset: no token sent, no error", async () => {
    vi.stubEnv("PUFFLE_API_KEY", "");
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: BASE, fetch });
    await client.updateThread(THREAD_ID, { status: "archived" });
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).has("authorization")).toBe(false);
  });

  it("a raw call to a path the spec does not describe is never retried (no idempotent flag to allow it)", async () => {
    const fetch = vi.fn(async () => new Response("", { status: 503 }));
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch, retry: { sleep: async () => {} } });
    const { response } = await (client.raw.GET as unknown as (path: string) => Promise<{ response: Response }>)("/api/health");
    expect(response.status).toBe(503);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("the raw client returns an error response whatever its body, HTML included: { error, response }", async () => {
    const fetch = vi.fn(async () => new Response("<html>down</html>", { status: 500, headers: { "content-type": "text/html" } }));
    for (const validate of [undefined, "response"] as const) {
      const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch, maxRetries: 0, validate });
      const { data, error, response } = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } });
      expect(response.status).toBe(500);
      expect(error).toBe("<html>down</html>");
      expect(data).toBeUndefined();
    }
  });
});

describe("the errors' helpers", () => {
  const duplicate = { type: "https://app.puffle.ai/problems/duplicate-thread", title: "Duplicate thread", status: 409, existing_thread: { id: THREAD_ID, status: "active" } };
  const answer = (status: number, body: unknown, type = "application/problem+json") =>
    createPuffleClient({ baseUrl: BASE, apiKey: "k", maxRetries: 0, fetch: vi.fn(async () => new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": type } })) });

  it("existingThread and isDuplicateThreadError: only a 409 that carries a valid existing_thread", async () => {
    const conflict = await rejection(answer(409, duplicate).updateThread(THREAD_ID, { status: "archived" }));
    expect(isDuplicateThreadError(conflict)).toBe(true);
    expect((conflict as PuffleApiError).existingThread).toEqual(duplicate.existing_thread);
    // The same body under another status is no duplicate.
    const other = await rejection(answer(400, { ...duplicate, status: 400 }).updateThread(THREAD_ID, { status: "archived" }));
    expect((other as PuffleApiError).existingThread).toBeUndefined();
    expect(isDuplicateThreadError(other)).toBe(false);
    // A 409 without existing_thread (a proxy's, say) is no duplicate either.
    const bare = await rejection(answer(409, { type: "about:blank", title: "Conflict", status: 409 }).updateThread(THREAD_ID, { status: "archived" }));
    expect(bare).toBeInstanceOf(PuffleApiError);
    expect(isDuplicateThreadError(bare)).toBe(false);
  });

  it("no error shows the token: not in its message, toString, JSON or inspect output", async () => {
    const token = "puffle_live_s3cret";
    const withFetch = (fetch: PuffleClientOptions["fetch"], more: PuffleClientOptions = {}) => createPuffleClient({ baseUrl: BASE, apiKey: token, maxRetries: 1, retry: { sleep: async () => {} }, fetch, ...more });
    const errors = [
      await rejection(withFetch(async () => new Response(JSON.stringify({ type: "about:blank", title: "Unauthorized", status: 401 }), { status: 401, headers: { "content-type": "application/problem+json", "www-authenticate": 'Bearer realm="puffle"' } })).updateThread(THREAD_ID, { status: "archived" })),
      await rejection(withFetch(async () => new Response("<html>bad gateway</html>", { status: 502 })).updateThread(THREAD_ID, { status: "archived" })),
      await rejection(withFetch(async () => { throw new TypeError("fetch failed"); }).updateThread(THREAD_ID, { status: "archived" })),
      await rejection(withFetch(async () => Response.json({ thread: { id: THREAD_ID } }), { validate: "both" }).updateThread(THREAD_ID, { status: "archived" })),
      await rejection(withFetch(okFetch(), { validate: "request" }).updateThread(THREAD_ID, { status: "deleted" } as never)),
      await rejection(withFetch(okFetch()).updateThread("a/b", { status: "archived" })),
      await rejection(withFetch(okFetch()).updateThread(THREAD_ID, { status: "archived" }, { signal: AbortSignal.abort() })),
      await rejection(withFetch(() => new Promise<Response>(() => {}), { timeoutMs: 1 }).updateThread(THREAD_ID, { status: "archived" })),
      await rejection(withFetch(okFetch()).updateThread(THREAD_ID, { status: "archived" }, { headers: { authorization: `Bearer ${token}\n` } })),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      const shown = [(error as Error).message, String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join("\n");
      expect(shown, (error as Error).name).not.toContain(token);
    }
  });

  // A raw call's own headers went to openapi-fetch unchecked: fetch's TypeError quoted a value it
  // refused whole, `Headers.set: "Bearer <token>\u0000x" is an invalid header value.`, the token with it.
  it("a raw call given an authorization header fetch refuses: a PuffleConfigError naming the header, not the token", async () => {
    const token = "puffle_live_s3cret";
    for (const bad of [`Bearer ${token}\nx`, `Bearer ${token}\u0000x`, `Bearer ${token}\r\nInjected: yes`]) {
      const fetch = okFetch();
      const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch });
      const calls = [
        ["PATCH", client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, headers: { authorization: bad } })],
        ["PATCH", client.raw.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, headers: { authorization: [bad] } })],
        ["PATCH", client.request("patch", "/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, headers: { Authorization: bad } })],
      ] as const;
      for (const [where, call] of calls) {
        const error = await rejection(call);
        expect(error).toBeInstanceOf(PuffleConfigError);
        expect((error as Error).message).toMatch(new RegExp(`^${where}: headers\\.authorization must be a header value: no line break or NUL`, "i"));
        const shown = [(error as Error).message, String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join("\n");
        expect(shown).not.toContain(token);
      }
      expect(fetch).not.toHaveBeenCalled();
    }
  });

  it("a raw call's refused header value under a name that is no header name: the name quoted, on one line", async () => {
    // The name went into the message as it was: one holding a line break split the error in two lines.
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch });
    const error = await rejection(client.raw.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, headers: { "x-a\nb": "v\u0000w" } }));
    expect(error).toBeInstanceOf(PuffleConfigError);
    expect((error as Error).message).toBe('PATCH: headers."x-a\\nb" must be a header value: no line break or NUL, and Latin-1 characters only');
    expect((error as PuffleConfigError).option).toBe('headers."x-a\\nb"');
    expect(fetch).not.toHaveBeenCalled();
  });

  it("a raw call's header value with a final line break is sent as fetch sends it, trimmed (not refused)", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch });
    const { response } = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, headers: { authorization: "Bearer from-a-file\n" } });
    expect(response.status).toBe(200);
    expect((fetch.mock.calls[0]?.[0] as Request).headers.get("authorization")).toBe("Bearer from-a-file");
  });

  /** What createPuffleClient throws for `baseUrl`: a PuffleConfigError naming that option. */
  function baseUrlRefusal(baseUrl: string, fetch: ReturnType<typeof okFetch>): PuffleConfigError {
    let error: unknown;
    try {
      createPuffleClient({ baseUrl, apiKey: "k", fetch });
    } catch (e) {
      error = e;
    }
    expect(error, baseUrl).toBeInstanceOf(PuffleConfigError);
    expect((error as PuffleConfigError).option).toBe("baseUrl");
    return error as PuffleConfigError;
  }

  it("a base URL whose password ended the credentials early (https://deploy:2024/s3cret@host) is refused, its password not shown, nothing sent", () => {
    // It parses as the host `deploy`, the port 2024 and the path `/s3cret@host`: no credentials for
    // checkBaseUrl's user-name rule. The client took it and sent the password in the request's path
    // to the host `deploy` (its errors named the URL masked). An "@" anywhere is refused, as the CLI
    // refuses it (one rule, atInBaseUrlRule); %40 is the way to one in a path.
    const fetch = okFetch();
    for (const [baseUrl, shown] of [["https://deploy:2024/s3cret@host", "https://***@host"], ["http://deploy:2024/s3cret@127.0.0.1:9/v1", "http://***@127.0.0.1:9/v1"], ["https://api.example.com/@scope/v1", "https://***@scope/v1"]] as const) {
      const error = baseUrlRefusal(baseUrl, fetch);
      expect(error.message).toBe(`createPuffleClient: baseUrl must not hold an "@", got "${shown}": no user name or password goes in it (one whose password holds a "/" or "?" reads as another host, a port and a path; the token goes in apiKey), and an "@" in a path is written %40`);
      expect(error.message).not.toContain("s3cret");
    }
    expect(fetch).not.toHaveBeenCalled();
    // %40 in a path is taken.
    expect(() => createPuffleClient({ baseUrl: "https://api.example.com/%40scope/v1", apiKey: "k", fetch })).not.toThrow();
  });

  it("a base URL holding a full-width ＠ or a small ﹫ typed for an @ is refused as one, its password not shown, nothing sent", () => {
    // `https://deploy:2024/s3cret＠host` parses as the host `deploy`, the port 2024 and a path: the
    // client took it and sent the password in the path to `deploy`, while its errors masked the URL
    // as if the ＠ were an @ (and named the host after it).
    const fetch = okFetch();
    for (const [baseUrl, shown, code, escape] of [
      ["https://deploy:2024/s3cret\uFF20host", "https://***\uFF20host", "FF20", "%EF%BC%A0"],
      ["http://deploy:2024/s3cret\uFE6B127.0.0.1:9/v1", "http://***\uFE6B127.0.0.1:9/v1", "FE6B", "%EF%B9%AB"],
      ["https://api.example.com/\uFF20team/v1", "https://***\uFF20team/v1", "FF20", "%EF%BC%A0"],
    ] as const) {
      const error = baseUrlRefusal(baseUrl, fetch);
      expect(error.message).toBe(`createPuffleClient: baseUrl must not hold an "@" or a character typed for one (U+${code}), got "${shown}": no user name or password goes in it (one whose password holds a "/" or "?" reads as another host, a port and a path; the token goes in apiKey), and an "@" in a path is written %40 (U+${code} ${escape})`);
      expect(error.message).not.toContain("s3cret");
    }
    expect(fetch).not.toHaveBeenCalled();
    // The escape it names keeps the path as typed (%40 would make it another one).
    expect(() => createPuffleClient({ baseUrl: "https://api.example.com/%EF%BC%A0team/v1", apiKey: "k", fetch })).not.toThrow();
    // Other full-width characters are no @: taken as before.
    expect(() => createPuffleClient({ baseUrl: "https://api.example.com/\uFF41/v1", apiKey: "k", fetch })).not.toThrow();
  });

  // hasStatus(s) types `problem` as status s's documented body: true only when the body is that.
  it.each([
    ["a 404 problem", 404, { type: "about:blank", title: "Not found", status: 404 }, "application/problem+json", { 404: true, 401: false }],
    ["a 404 HTML page", 404, "<html>not here</html>", "text/html", { 404: false }],
    ["a 409 duplicate recipient", 409, duplicate, "application/problem+json", { 409: true, 404: false }],
    // The 409's documented body is a DuplicateThreadProblem: `problem.existing_thread` is typed `Thread`.
    ["a 409 problem without existing_thread (a proxy's)", 409, { type: "about:blank", title: "Conflict", status: 409 }, "application/problem+json", { 409: false }],
    ["a 409 whose existing_thread is no Thread", 409, { ...duplicate, existing_thread: { id: "x" } }, "application/problem+json", { 409: false }],
  ] as const)("hasStatus narrows only when the body is the documented one: %s", async (_name, status, body, type, expected) => {
    const error = (await rejection(answer(status, body, type).updateThread(THREAD_ID, { status: "archived" }))) as PuffleApiError<"updateThread">;
    expect(error.status).toBe(status);
    for (const [s, narrows] of Object.entries(expected)) {
      expect(error.hasStatus(Number(s) as 401 | 404 | 409), `hasStatus(${s})`).toBe(narrows);
      if (narrows && s === "409" && error.hasStatus(409)) expect(error.problem.existing_thread.id).toBe(THREAD_ID);
    }
  });

  it.each([
    ["/unread_count", "unread_count"],
    ["/thread/status", "thread.status"],
    ["/draft_attachments/0", "draft_attachments.0"],
    ["", ""],
    ["/a~1b", "a/b"],
    ["/a~0b", "a~b"],
    ["/a~01", "a~1"],
  ])("fieldOfPointer(%j) is %j", (pointer, field) => {
    expect(fieldOfPointer(pointer)).toBe(field);
  });

  it("a validation error's message counts the other issues", async () => {
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch: okFetch(), validate: "request" });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "deleted", unread_count: -1, draft_subject: 5 } as never));
    expect(error).toBeInstanceOf(PuffleValidationError);
    expect((error as PuffleValidationError).issues).toHaveLength(3);
    expect((error as Error).message).toMatch(/\(and 2 more\)$/);
  });
});
