// Rows of the client's documented contract that no other test pinned (found by a hand mutation
// pass over src/client.ts): the documented defaults, the edges of the option checks, and the
// answers without a body on the raw path. Every fetch is injected; nothing leaves the process.
import { describe, expect, it, vi } from "vitest";
import {
  createPuffleClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_RETRY_DELAYS,
  DEFAULT_TIMEOUT_MS,
  MAX_RETRIES_LIMIT,
  parseRetryAfter,
} from "../../src/client.js";
import { rejection } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const THREAD = { id: THREAD_ID, status: "archived" };
const ok = () => vi.fn(async (_input: string | Request, _init?: RequestInit) => new Response(JSON.stringify({ thread: THREAD }), { status: 200, headers: { "content-type": "application/json" } }));

describe("the documented defaults (docs/client.md, the option comments)", () => {
  it.each([
    ["DEFAULT_TIMEOUT_MS", DEFAULT_TIMEOUT_MS, 30_000],
    ["DEFAULT_MAX_RETRIES", DEFAULT_MAX_RETRIES, 2],
    ["MAX_RETRIES_LIMIT", MAX_RETRIES_LIMIT, 20],
    ["DEFAULT_MAX_RESPONSE_BYTES", DEFAULT_MAX_RESPONSE_BYTES, 16 * 1024 * 1024],
    ["DEFAULT_RETRY_DELAYS", DEFAULT_RETRY_DELAYS, { baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 }],
  ])("%s", (_name, value, documented) => {
    expect(value).toEqual(documented);
  });
});

describe("option edges", () => {
  it.each([
    ["timeoutMs at its largest", { timeoutMs: 2_147_483_647 }, undefined],
    ["timeoutMs one more", { timeoutMs: 2_147_483_648 }, "timeoutMs"],
    ["a Latin-1 header value (ÿ)", { headers: { "x-name": "\u00ff" } }, undefined],
    ["a header value past Latin-1 (Ā)", { headers: { "x-name": "\u0100" } }, "headers.x-name"],
    ["retry.maxRetryAfterMs at its largest", { retry: { maxRetryAfterMs: 2_147_483_647 } }, undefined],
    ["retry.maxRetryAfterMs one more", { retry: { maxRetryAfterMs: 2_147_483_648 } }, "retry.maxRetryAfterMs"],
  ] as [string, Record<string, unknown>, string | undefined][])("createPuffleClient: %s", (_name, options, refused) => {
    const make = () => createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: ok(), ...options });
    if (refused === undefined) expect(make).not.toThrow();
    else expect(make).toThrow(expect.objectContaining({ name: "PuffleConfigError", option: refused }));
  });

  it.each([
    ["signal: null (no signal, as in fetch's RequestInit)", { signal: null }, undefined],
    ["timeoutMs at its largest", { timeoutMs: 2_147_483_647 }, undefined],
    ["timeoutMs one more", { timeoutMs: 2_147_483_648 }, "timeoutMs"],
  ] as [string, Record<string, unknown>, string | undefined][])("updateThread: %s", async (_name, callOptions, refused) => {
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: ok() });
    const call = client.updateThread(THREAD_ID, { status: "archived" }, callOptions as never);
    if (refused === undefined) expect(await call).toEqual(THREAD);
    else expect(await rejection(call)).toMatchObject({ name: "PuffleConfigError", option: refused });
  });
});

describe("an answer without a body on the raw path is returned as it is", () => {
  it.each([[204], [205], [304]])("%s", async (status) => {
    const fetch = vi.fn(async () => new Response(null, { status }));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, maxRetries: 0 });
    const { response } = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, parseAs: "text" });
    expect(response.status).toBe(status);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("parseRetryAfter: a leap second is a time, a 61st second is not", () => {
  const now = Date.UTC(1994, 10, 6, 8, 49, 0);
  it.each([
    ["Sun, 06 Nov 1994 08:49:60 GMT", 60_000],
    ["Sun, 06 Nov 1994 08:49:61 GMT", undefined],
    ["Sun Nov  6 08:49:60 1994", 60_000],
    ["Sunday, 06-Nov-94 08:49:60 GMT", 60_000],
  ])("%s", (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});

describe("the waits between attempts: full jitter under min(maxDelayMs, baseDelayMs × 2^(n-1))", () => {
  it.each([
    ["the methods", "method"],
    ["a raw PATCH", "raw"],
  ] as const)("%s", async (_name, how) => {
    const waits: number[] = [];
    const fetch = vi.fn(async () => new Response("", { status: 503 }));
    const client = createPuffleClient({
      baseUrl: "http://127.0.0.1:9",
      apiKey: "k",
      fetch,
      timeoutMs: 0,
      maxRetries: 3,
      retry: { baseDelayMs: 1_000, maxDelayMs: 1_500, random: () => 0.999, sleep: async (ms) => void waits.push(ms) },
    });
    if (how === "method") await rejection(client.updateThread(THREAD_ID, { status: "archived" }));
    else await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, parseAs: "text" });
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(waits).toEqual([999, 1_498, 1_498]);
  });
});

describe("another fetch's answer with a status that is no final HTTP status is a network error", () => {
  const foreign = (status: number) => ({ status, statusText: "", headers: new Headers(), arrayBuffer: async () => new ArrayBuffer(0), text: async () => "" });
  it.each([[100], [199], [600]])("%s", async (status) => {
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: vi.fn(async () => foreign(status) as unknown as Response), maxRetries: 0 });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "archived" }));
    expect(error).toMatchObject({ name: "PuffleNetworkError", cause: { message: `fetch returned a response of status ${status}, not an HTTP status from 200 to 599` } });
  });
});

describe("maxResponseBytes: a body of exactly the limit is read, one byte more is not", () => {
  const text = JSON.stringify({ thread: THREAD });
  const size = new TextEncoder().encode(text).byteLength;
  it.each([
    ["declared, at the limit", true, size, true],
    ["declared, one byte over", true, size - 1, false],
    ["streamed, at the limit", false, size, true],
    ["streamed, one byte over", false, size - 1, false],
  ])("%s", async (_name, declared, maxResponseBytes, read) => {
    const fetch = vi.fn(async () => new Response(declared ? text : new Blob([text]).stream(), { status: 200, headers: declared ? { "content-type": "application/json", "content-length": String(size) } : { "content-type": "application/json" } }));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, maxResponseBytes, maxRetries: 0 });
    const call = client.updateThread(THREAD_ID, { status: "archived" });
    if (read) expect(await call).toEqual(THREAD);
    else expect(await rejection(call)).toMatchObject({ name: "PuffleNetworkError", cause: { name: "ResponseTooLargeError" } });
  });
});

describe("a 2xx without the record: PuffleValidationError at the member", () => {
  it.each([
    [{}, { path: "/thread", keyword: "required", message: "is required" }],
    [{ thread: null }, { path: "/thread", keyword: "type", message: "must be object" }],
    [{ thread: [] }, { path: "/thread", keyword: "type", message: "must be object" }],
    [{ thread: "x" }, { path: "/thread", keyword: "type", message: "must be object" }],
  ])("%j", async (body, issue) => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    expect(await rejection(client.updateThread(THREAD_ID, { status: "archived" }))).toMatchObject({ name: "PuffleValidationError", target: "response", status: 200, issues: [issue] });
  });
});

describe("an error's message names the URL without its query", () => {
  it("a raw call given a query (no operation has one) that fails", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("fetch failed");
    });
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, maxRetries: 0 });
    const error = await rejection(client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID }, query: { token: "secret" } } as never, body: { status: "archived" } }));
    expect(error).toMatchObject({ name: "PuffleNetworkError", message: `updateThread: network error calling http://127.0.0.1:9/api/threads/${THREAD_ID}: fetch failed` });
  });
});
