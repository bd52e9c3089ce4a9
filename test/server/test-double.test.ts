// docs/server.md, "As a test double in your own test suite": what a team using the server in its
// own tests is told, run as it is told — a seed of its own, byte-stable answers under a faked Date
// and a request id of its own, each error status triggered through the client and through fetch,
// and the same answers through app.inject() with the client over a fetch of its own.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createServer, defaultSeed, startServer, validateSeed } from "../../src/server/index.js";
import type { PuffleFastifyInstance, Seed } from "../../src/server/index.js";
import { createPuffleClient, isDuplicateThreadError, PuffleApiError, PuffleValidationError } from "../../src/index.js";
import type { PuffleClient } from "../../src/index.js";

const THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";

/** docs/server.md's injectFetch, for `app`. */
function injectFetch(app: PuffleFastifyInstance) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const res = await app.inject({
      method: request.method as "PATCH",
      url: url.pathname + url.search,
      headers: Object.fromEntries(request.headers),
      payload: Buffer.from(await request.arrayBuffer()),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, String(value));
    return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers });
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("byte-stable answers: a faked Date and a request id of the test's own", () => {
  /** A fixed sequence of calls on a fresh server: every body and the headers a snapshot would keep. */
  async function run(): Promise<string[]> {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
    const server = await startServer({ port: 0 });
    try {
      const puffle = createPuffleClient({ baseUrl: server.url, apiKey: "puffle_test_alice", maxRetries: 0, headers: { "x-request-id": "my-test" } });
      const out: string[] = [];
      out.push(JSON.stringify(await puffle.updateThread(THREAD, { draft_subject: "one" })));
      out.push(JSON.stringify(await puffle.updateThread(THREAD, { draft_subject: "two" })));
      const error = await puffle.updateThread(THREAD, { account_id: "5a1e5000-0000-4000-8000-000000000003" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PuffleApiError);
      out.push((error as PuffleApiError).message, JSON.stringify((error as PuffleApiError).body));
      const response = await fetch(`${server.url}/api/conversations/f11e8a2c-1234-4567-89ab-cdef01234567`, {
        method: "PATCH",
        headers: { authorization: "Bearer puffle_test_alice", "content-type": "application/json", "x-request-id": "raw-1" },
        body: '{"unread_count":-1,"status":"active"}',
      });
      const kept = [...response.headers].filter(([name]) => !["date", "connection", "keep-alive"].includes(name));
      out.push(`${response.status} ${JSON.stringify(kept)} ${await response.text()}`);
      return out;
    } finally {
      await server.close();
    }
  }

  it("updated_at is the faked time, then + 1 ms; two runs answer the same bytes", async () => {
    const first = await run();
    expect(JSON.parse(first[0]!).updated_at).toBe("2030-01-01T00:00:00.000Z");
    expect(JSON.parse(first[1]!).updated_at).toBe("2030-01-01T00:00:00.001Z");
    expect(first[2]).toMatch(/\(request id my-test\)$/);
    expect(first[4]).toContain('["x-request-id","raw-1"]');
    expect(first[4]).toContain('"updated_at":"2030-01-01T00:00:00.000Z"');
    vi.useRealTimers();
    expect(await run()).toEqual(first);
  });
});

describe("a seed of the test's own", () => {
  it("built from copies of default records; reset goes back to it; duplicates in the seed are accepted, the first named", async () => {
    const seed: Seed = structuredClone(defaultSeed);
    const docsThread = seed.conversations.find((c) => c.id === THREAD)!;
    const openWithFounder = seed.conversations.find((c) => c.id === "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b")!;
    seed.users.push({ id: "c0ffee00-0000-4000-8000-000000000002", name: "Carol", token: "carol_token", workspace_id: seed.users[0]!.workspace_id });
    seed.conversations.unshift(
      { ...structuredClone(openWithFounder), id: "c0ffee00-0000-4000-8000-000000000010" },
      { ...structuredClone(docsThread), id: "c0ffee00-0000-4000-8000-000000000011", user_id: "c0ffee00-0000-4000-8000-000000000002", status: "archived" },
    );
    expect(() => validateSeed(seed)).not.toThrow();
    const server = await startServer({ port: 0, seed });
    try {
      const alice = createPuffleClient({ baseUrl: server.url, apiKey: "puffle_test_alice", maxRetries: 0 });
      const error = await alice.updateThread(THREAD, { account_id: "5a1e5000-0000-4000-8000-000000000003" }).catch((e: unknown) => e);
      expect(isDuplicateThreadError(error) && error.existingThread.id).toBe("c0ffee00-0000-4000-8000-000000000010");
      const carol = createPuffleClient({ baseUrl: server.url, apiKey: "carol_token", maxRetries: 0 });
      expect((await carol.updateThread("c0ffee00-0000-4000-8000-000000000011", { status: "active" })).status).toBe("active");
      server.app.puffle.store.reset();
      expect(server.app.puffle.store.snapshot()).toEqual(validateSeed(seed));
      // defaultSeed was copied, not changed.
      expect(defaultSeed.users.map((u) => u.token)).toEqual(["puffle_test_alice", "puffle_test_bob"]);
    } finally {
      await server.close();
    }
  });
});

describe("each error, on purpose: the docs' table, over a socket and through app.inject()", () => {
  type Row = [status: number, slug: string, call: (puffle: PuffleClient, bob: PuffleClient) => Promise<unknown>];
  const rows: Row[] = [
    [400, "invalid-request", (p) => p.updateThread(THREAD, { unread_count: -1 })],
    [400, "invalid-sender-account", (p) => p.updateThread(THREAD, { account_id: "9e4d1000-0000-4000-8000-000000000005" })],
    [404, "not-found", (_p, bob) => bob.updateThread(THREAD, { draft_subject: "x" })],
    [409, "duplicate-thread", (p) => p.updateThread(THREAD, { account_id: "5a1e5000-0000-4000-8000-000000000003" })],
    [413, "payload-too-large", (p) => p.updateThread(THREAD, { draft_body_text: "x".repeat(1_100_000) })],
    [415, "unsupported-media-type", (p) => p.updateThread(THREAD, { draft_subject: "x" }, { headers: { "content-type": "text/plain" } })],
    [415, "unsupported-media-type", (p) => p.updateThread(THREAD, { draft_subject: "x" }, { headers: { "content-encoding": "gzip" } })],
  ];
  const raw: [status: number, slug: string, path: string, init: RequestInit][] = [
    [400, "invalid-request", "/api/threads/nope", { method: "PATCH", headers: { authorization: "Bearer puffle_test_alice", "content-type": "application/json" }, body: '{"draft_subject":"x"}' }],
    [401, "unauthorized", `/api/threads/${THREAD}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: '{"draft_subject":"x"}' }],
    [405, "method-not-allowed", `/api/threads/${THREAD}`, { method: "GET" }],
  ];

  async function check(baseUrl: string, fetchFn: typeof fetch | undefined) {
    const client = (apiKey: string) => createPuffleClient({ baseUrl, apiKey, maxRetries: 0, ...(fetchFn ? { fetch: fetchFn } : {}) });
    const answers: unknown[] = [];
    for (const [status, slug, call] of rows) {
      const error = await call(client("puffle_test_alice"), client("puffle_test_bob")).catch((e: unknown) => e);
      expect(error, `${status} ${slug}`).toBeInstanceOf(PuffleApiError);
      const apiError = error as PuffleApiError<"updateThread">;
      expect([apiError.status, apiError.problem?.type], `${status} ${slug}`).toEqual([status, `https://app.puffle.ai/problems/${slug}`]);
      answers.push(apiError.body);
    }
    expect((await client("nope").updateThread(THREAD, { draft_subject: "x" }).catch((e: unknown) => e) as PuffleApiError).status).toBe(401);
    expect(await client("puffle_test_alice").updateThread("nope", { draft_subject: "x" }).catch((e: unknown) => e)).toBeInstanceOf(PuffleValidationError);
    for (const [status, slug, path, init] of raw) {
      const response = await (fetchFn ?? fetch)(`${baseUrl}${path}`, init);
      expect(response.headers.get("content-type"), path).toMatch(/^application\/problem\+json/);
      answers.push([...response.headers].filter(([name]) => !["date", "connection", "keep-alive", "x-request-id"].includes(name)));
      expect([response.status, ((await response.json()) as { type: string }).type], `${status} ${slug}`).toEqual([status, `https://app.puffle.ai/problems/${slug}`]);
    }
    return answers;
  }

  it("the same statuses and bodies both ways", async () => {
    const server = await startServer({ port: 0 });
    const app = createServer({ allowReset: true });
    try {
      const overSocket = await check(server.url, undefined);
      const throughInject = await check("http://puffle.test", injectFetch(app));
      expect(throughInject).toEqual(overSocket);
      const puffle = createPuffleClient({ baseUrl: "http://puffle.test", apiKey: "puffle_test_alice", fetch: injectFetch(app) });
      expect((await puffle.updateThread(THREAD, { draft_subject: "no socket" })).draft_subject).toBe("no socket");
      expect((await app.inject({ method: "POST", url: "/__puffle/reset" })).statusCode).toBe(204);
      expect((await app.inject({ method: "POST", url: "/__puffle/reset", remoteAddress: "192.0.2.1" })).statusCode).toBe(403);
    } finally {
      await server.close();
      await app.close();
    }
  });
});
