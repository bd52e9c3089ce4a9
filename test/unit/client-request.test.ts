// The typed client sends the right method, path, headers and JSON body, and types the 200 and
// error bodies — checked with an injected fetch (no global mocks, no network).
import vm from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPuffleClient, DEFAULT_BASE_URL, PuffleConfigError } from "../../src/index.js";
import type { Conversation, Problem, PuffleClientOptions, Thread } from "../../src/index.js";
import { readJson } from "../helpers.js";

const docs = readJson<{
  updateConversation: { request: Record<string, unknown>; response: { conversation: Conversation } };
  updateThread: { request: Record<string, unknown>; response: { thread: Thread } };
}>("test/fixtures/docs-examples.json");

function cyclic(): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  value.self = value;
  return value;
}

function recorder(status: number, body: unknown, contentType = "application/json") {
  const requests: Request[] = [];
  const fetch = async (input: string | Request, init?: RequestInit) => {
    requests.push(input instanceof Request ? input.clone() : new Request(input, init));
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": contentType } });
  };
  return { fetch, requests };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("createPuffleClient", () => {
  it("PATCHes /api/conversations/{id} on the spec's server with bearer auth and a JSON body", async () => {
    const { fetch, requests } = recorder(200, docs.updateConversation.response);
    const client = createPuffleClient({ apiKey: "puffle_test_alice", fetch });
    const { data, error, response } = await client.PATCH("/api/conversations/{id}", {
      params: { path: { id: "f11e8a2c-1234-4567-89ab-cdef01234567" } },
      body: { status: "active", unread_count: 4503599627370495 },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    const conversation: Conversation | undefined = data?.conversation;
    expect(conversation).toEqual(docs.updateConversation.response.conversation);
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.method).toBe("PATCH");
    expect(request.url).toBe(`${DEFAULT_BASE_URL}/api/conversations/f11e8a2c-1234-4567-89ab-cdef01234567`);
    expect(DEFAULT_BASE_URL).toBe("https://app.puffle.ai");
    expect(request.headers.get("authorization")).toBe("Bearer puffle_test_alice");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await request.json()).toEqual(docs.updateConversation.request);
  });

  it("PATCHes /api/threads/{id} and types the thread", async () => {
    const { fetch, requests } = recorder(200, docs.updateThread.response);
    const client = createPuffleClient({ apiKey: "k", baseUrl: "http://127.0.0.1:4010/", fetch });
    const { data } = await client.PATCH("/api/threads/{id}", {
      params: { path: { id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337" } },
      body: docs.updateThread.request,
    });
    const thread: Thread | undefined = data?.thread;
    expect(thread?.status).toBe("draft");
    expect(requests[0]!.url).toBe("http://127.0.0.1:4010/api/threads/3d986dd1-9d70-45b7-8e36-5d5b8b1c9337");
    expect(await requests[0]!.json()).toEqual(docs.updateThread.request);
  });

  it("types a problem body as the error", async () => {
    const problem = { type: "https://app.puffle.ai/problems/not-found", title: "Not found", status: 404, detail: "No conversation with this id." };
    const { fetch } = recorder(404, problem, "application/problem+json");
    const client = createPuffleClient({ apiKey: "k", fetch });
    const { data, error, response } = await client.PATCH("/api/conversations/{id}", {
      params: { path: { id: "f11e8a2c-1234-4567-89ab-cdef01234567" } },
      body: { status: "archived" },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    const typed: Problem | undefined = error;
    expect(typed).toEqual(problem);
  });

  it("takes the token from PUFFLE_API_KEY when no apiKey is given", async () => {
    vi.stubEnv("PUFFLE_API_KEY", "puffle_test_bob");
    const { fetch, requests } = recorder(200, docs.updateConversation.response);
    await createPuffleClient({ fetch }).PATCH("/api/conversations/{id}", { params: { path: { id: "f11e8a2c-1234-4567-89ab-cdef01234567" } }, body: { unread_count: 0 } });
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer puffle_test_bob");
  });

  it("an explicit apiKey wins over PUFFLE_API_KEY", async () => {
    vi.stubEnv("PUFFLE_API_KEY", "from_env");
    const { fetch, requests } = recorder(200, docs.updateConversation.response);
    await createPuffleClient({ fetch, apiKey: "from_option" }).PATCH("/api/conversations/{id}", { params: { path: { id: "f11e8a2c-1234-4567-89ab-cdef01234567" } }, body: { unread_count: 0 } });
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer from_option");
  });

  const badOptions: [string, { given: Record<string, unknown>; option: string; rule: RegExp }][] = [
    ["relative baseUrl", { given: { baseUrl: "/api" }, option: "baseUrl", rule: /absolute http\(s\) URL/ }],
    ["ftp baseUrl", { given: { baseUrl: "ftp://example.com" }, option: "baseUrl", rule: /http or https/ }],
    ["baseUrl with a query", { given: { baseUrl: "https://example.com/?x=1" }, option: "baseUrl", rule: /query or fragment/ }],
    // A token in the query (RFC 6750's access_token) or fragment is not echoed: only that there is one.
    ["baseUrl with a token in its query", { given: { baseUrl: "https://example.com/v1?access_token=puffle_live_t0ken" }, option: "baseUrl", rule: /must not have a query or fragment, got "https:\/\/example\.com\/v1\?\*\*\*"$/ }],
    ["baseUrl with a token in its fragment", { given: { baseUrl: "https://example.com/v1#access_token=puffle_live_t0ken" }, option: "baseUrl", rule: /must not have a query or fragment, got "https:\/\/example\.com\/v1#\*\*\*"$/ }],
    ["baseUrl that is no URL, with a token in its query", { given: { baseUrl: "example.com/v1?key=puffle_live_t0ken" }, option: "baseUrl", rule: /must be an absolute http\(s\) URL, got "example\.com\/v1\?\*\*\*"$/ }],
    ["empty apiKey", { given: { apiKey: "" }, option: "apiKey", rule: /non-empty string/ }],
    ["apiKey with a line break", { given: { apiKey: "abc\r\nX-Evil: 1" }, option: "apiKey", rule: /printable ASCII/ }],
    ["fetch not a function", { given: { fetch: "yes" }, option: "fetch", rule: /must be a function/ }],
    // Found by test/property/hostile-inputs.test.ts: a value the message quoted with JSON.stringify threw from inside (a BigInt, a cycle) or put a line break, controls or a megabyte into the message.
    ["validate a BigInt", { given: { validate: 10n }, option: "validate", rule: /must be one of "request", "response", "both", got bigint$/ }],
    ["validate a cyclic object", { given: { validate: cyclic() }, option: "validate", rule: /got object$/ }],
    ["validate a string with line separators and escapes", { given: { validate: "both\u2028\u001b[2J\u202e" }, option: "validate", rule: /got "both\\u2028\\u001b\[2J\\u202e"$/ }],
    ["validate a megabyte string", { given: { validate: "x".repeat(1_000_000) }, option: "validate", rule: /got "x{197}…" \(cut; 1000000 characters in all\)$/ }],
    ["baseUrl with a line separator", { given: { baseUrl: "http://a b\u2028\u0085c" }, option: "baseUrl", rule: /absolute http\(s\) URL, got "http:\/\/a b\\u2028\\u0085c"$/ }],
    ["baseUrl a megabyte long", { given: { baseUrl: `http://a b/${"x".repeat(1_000_000)}` }, option: "baseUrl", rule: /absolute http\(s\) URL, got "http:\/\/a b\/x+…" \(cut; 1000011 characters in all\)$/ }],
    ["a header name with a line separator", { given: { headers: { "x-a\u2028b": "v" } }, option: "headers", rule: /has "x-a\\u2028b", which is not a header name/ }],
    // Mutants of these checks that passed the fast tests: each bound and each part of each rule.
    ["baseUrl with a password and no user name", { given: { baseUrl: "https://:s3cret@example.com" }, option: "baseUrl", rule: /must not hold a user name or password/ }],
    ["apiKey with a DEL", { given: { apiKey: "abc\u007f" }, option: "apiKey", rule: /printable ASCII/ }],
    ["timeoutMs past 2147483647", { given: { timeoutMs: 2_147_483_648 }, option: "timeoutMs", rule: /from 0 \(no timeout\) to 2147483647, got 2147483648$/ }],
    ["timeoutMs a fraction", { given: { timeoutMs: 1.5 }, option: "timeoutMs", rule: /got 1\.5$/ }],
    ["maxRetries -1", { given: { maxRetries: -1 }, option: "maxRetries", rule: /must be an integer from 0 \(no retry\) to 20, got -1$/ }],
    ["maxRetries 21", { given: { maxRetries: 21 }, option: "maxRetries", rule: /got 21$/ }],
    ["retry.baseDelayMs a fraction", { given: { retry: { baseDelayMs: 1.5 } }, option: "retry.baseDelayMs", rule: /must be an integer number of milliseconds from 0 to 2147483647, got 1\.5$/ }],
    ["retry.maxDelayMs past 2147483647", { given: { retry: { maxDelayMs: 2_147_483_648 } }, option: "retry.maxDelayMs", rule: /got 2147483648$/ }],
    ["retry.random not a function", { given: { retry: { random: 0.5 } }, option: "retry.random", rule: /must be a function$/ }],
    ["headers of a class without a constructor name", { given: { headers: Object.create(Object.create(null) as object) as object }, option: "headers", rule: /got a non-plain object\)$/ }],
    ["a header value with a bare CR", { given: { headers: { "x-trace": "a\rb" } }, option: "headers.x-trace", rule: /no line break or NUL, and Latin-1 characters only$/ }],
    ["a header value with U+0100", { given: { headers: { "x-trace": "\u0100" } }, option: "headers.x-trace", rule: /Latin-1 characters only$/ }],
    ["a header value array holding null", { given: { headers: { "x-trace": ["a", null] } }, option: "headers.x-trace", rule: /must be a string, number or boolean \(or an array of them\), got null$/ }],
    // An unknown key was ignored: axios' `baseURL` left the production default in place, and the token went there.
    ["axios' baseURL", { given: { baseURL: "http://localhost:4010", apiKey: "k" }, option: "baseURL", rule: /^createPuffleClient: baseURL is not an option \(did you mean baseUrl\?\)$/ }],
    ["apikey, another case", { given: { apikey: "k" }, option: "apikey", rule: /\(did you mean apiKey\?\)$/ }],
    ["timeoutMS: case", { given: { timeoutMS: 5 }, option: "timeoutMS", rule: /\(did you mean timeoutMs\?\)$/ }],
    ["maxRetrys: two edits", { given: { maxRetrys: 1 }, option: "maxRetrys", rule: /\(did you mean maxRetries\?\)$/ }],
    ["an unknown key given as undefined", { given: { baseURL: undefined }, option: "baseURL", rule: /\(did you mean baseUrl\?\)$/ }],
    ["timeout: within 2 edits of timeoutMs", { given: { timeout: 5 }, option: "timeout", rule: /\(did you mean timeoutMs\?\)$/ }],
    ["url: nothing close, the options listed", { given: { url: "http://localhost:4010" }, option: "url", rule: /^createPuffleClient: url is not an option \(the options are baseUrl, apiKey, fetch, headers, validate, timeoutMs, maxRetries, retry, maxResponseBytes\)$/ }],
    ["a key with escape sequences and a megabyte", { given: { [`\u001b[2J\u202e${"k".repeat(1_000_000)}`]: 1 }, option: '"\\u001b[2J\\u202ek', rule: /is not an option \(the options are/ }],
    ["retry.maxDelay", { given: { retry: { maxDelay: 5 } }, option: "retry.maxDelay", rule: /^createPuffleClient: retry\.maxDelay is not an option \(did you mean maxDelayMs\?\)$/ }],
    ["retry.jitter", { given: { retry: { jitter: 0 } }, option: "retry.jitter", rule: /\(the options are baseDelayMs, maxDelayMs, maxRetryAfterMs, random, sleep\)$/ }],
    // Keys the own-key check did not see, and values whose options are no properties: each was ignored, the token went to the production default.
    ["an unknown key inherited", { given: Object.create({ baseURL: "http://localhost:4010" }), option: "baseURL", rule: /^createPuffleClient: baseURL is not an option \(did you mean baseUrl\?\)$/ }],
    ["an unknown getter of a config class", { given: new (class { get baseURL() { return "http://localhost:4010"; } })(), option: "baseURL", rule: /\(did you mean baseUrl\?\)$/ }],
    ["a null-prototype object with an unknown key", { given: Object.assign(Object.create(null) as object, { baseURL: "http://localhost:4010" }), option: "baseURL", rule: /\(did you mean baseUrl\?\)$/ }],
    ["a Map of the options", { given: new Map([["baseUrl", "http://localhost:4010"]]), option: "options", rule: /^createPuffleClient: options must be an object whose properties are the options, got a Map \(pass its entries as properties: Object\.fromEntries\(map\)\)$/ }],
    ["a Promise of the options", { given: Promise.resolve({ baseUrl: "http://localhost:4010" }), option: "options", rule: /got a Promise \(an await left out\?\)$/ }],
    ["an array", { given: [], option: "options", rule: /got an array$/ }],
    ["retry as a Map", { given: { retry: new Map([["baseDelayMs", 0]]) }, option: "retry", rule: /^createPuffleClient: retry must be an object whose properties are the options, got a Map/ }],
    // Options whose keys cannot be read: the trap's own error went out as it was (no option, no rule),
    // and a prototype chain that loops (a Proxy's getPrototypeOf returning itself) was walked for
    // ever (here the trap gives up after 10,000 calls with an error of its own).
    ["a Proxy whose ownKeys throws", { given: new Proxy({}, { ownKeys() { throw new Error("vault locked"); } }), option: "options", rule: /^createPuffleClient: options must be an object whose properties are the options, got an object whose keys cannot be read \(vault locked\)$/ }],
    ["a revoked Proxy", { given: (() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })(), option: "options", rule: /got an object whose keys cannot be read \(.*revoked\)$/ }],
    ["a Proxy whose prototype is itself", { given: (() => { let calls = 0; const p: object = new Proxy({}, { getPrototypeOf() { if (++calls > 10_000) throw new Error("walked 10,000 prototypes"); return p; } }); return p; })(), option: "options", rule: /got an object whose keys cannot be read \(its prototype chain loops or is more than 100 deep\)$/ }],
    ["retry as a Proxy whose ownKeys throws", { given: { retry: new Proxy({}, { ownKeys() { throw new Error("vault locked"); } }) }, option: "retry", rule: /^createPuffleClient: retry must be an object whose properties are the options, got an object whose keys cannot be read \(vault locked\)$/ }],
  ];
  // The bounds themselves are accepted.
  it.each<[string, Record<string, unknown>]>([
    ["timeoutMs 2147483647", { timeoutMs: 2_147_483_647 }],
    ["timeoutMs 0", { timeoutMs: 0 }],
    ["maxRetries 20", { maxRetries: 20 }],
    ["retry delays 0", { retry: { baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 } }],
    ["retry delays 2147483647", { retry: { baseDelayMs: 2_147_483_647, maxDelayMs: 2_147_483_647, maxRetryAfterMs: 2_147_483_647 } }],
    ["headers without a prototype", { headers: Object.assign(Object.create(null) as object, { "x-trace": "1" }) }],
    ["a header value of Latin-1 up to U+00FF", { headers: { "x-trace": "caf\u00e9 \u00ff" } }],
  ])("accepts %s", (_name, given) => {
    expect(() => createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", ...given } as never)).not.toThrow();
  });
  it("accepts the options as a null-prototype object, a class instance (fields, getters), inherited known keys, and beside a symbol key", () => {
    class Config {
      baseUrl = "http://127.0.0.1:9";
      get apiKey() {
        return "k";
      }
    }
    for (const given of [Object.assign(Object.create(null) as object, { baseUrl: "http://127.0.0.1:9", apiKey: "k" }), new Config(), Object.create({ baseUrl: "http://127.0.0.1:9", apiKey: "k" }) as object, { baseUrl: "http://127.0.0.1:9", [Symbol("config")]: true }]) {
      expect(() => createPuffleClient(given as PuffleClientOptions)).not.toThrow();
    }
  });
  it("reads options built in another realm (a vm context, an iframe) as this realm's: its Object.prototype is no option's holder", () => {
    // Another realm's Object.prototype was walked as an inherited part of the options, and its
    // `__proto__` accessor refused: "createPuffleClient: __proto__ is not an option".
    const other = vm.runInNewContext(`({ baseUrl: "http://127.0.0.1:9", apiKey: "k", retry: { baseDelayMs: 0 } })`) as PuffleClientOptions;
    expect(Object.getPrototypeOf(other)).not.toBe(Object.prototype);
    expect(() => createPuffleClient(other)).not.toThrow();
    const inherited = vm.runInNewContext(`Object.create({ baseUrl: "http://127.0.0.1:9", baseURL: "http://localhost:4010" })`) as PuffleClientOptions;
    expect(() => createPuffleClient(inherited)).toThrow(/^createPuffleClient: baseURL is not an option \(did you mean baseUrl\?\)$/);
  });
  it.each(badOptions)("rejects %s with an error naming the option", (_name, { given, option, rule }) => {
    let thrown: unknown;
    try {
      createPuffleClient(given as never);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(PuffleConfigError);
    expect((thrown as PuffleConfigError).option.startsWith(option)).toBe(true);
    expect((thrown as Error).message).toMatch(rule);
    expect((thrown as Error).message).toContain(option);
    // One line, safe to print, and short: no line break, control or bidi character, however long the value.
    expect((thrown as Error).message).not.toMatch(/[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u);
    expect((thrown as Error).message.length).toBeLessThan(400);
  });
});
