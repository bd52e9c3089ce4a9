// A front end's real path: the typed client, bundled for a browser (test/browser.ts, as
// test/publish/package.test.ts bundles it), in a page served from one loopback origin (a plain
// node:http server) calling the reference server on another port with `cors` on for the page's origin
// (`puffle mock --cors <origin>`). The methods resolve with the record; every answer that is not a 2xx
// is a PuffleApiError with the status, the problem and the X-Request-Id (exposed by CORS), never a
// network error; with CORS off, or for another origin, the browser blocks the call: a
// PuffleNetworkError, and nothing is written. What else the client reads from headers is checked as a
// browser shows it to a page: Content-Length (safelisted: maxResponseBytes), Content-Encoding (hidden
// unless exposed), Retry-After (read only when the server exposes it) and a redirect (opaque); the
// last three against a small CORS server of the test's own (the reference server sends none of them).
// Skipped when /usr/bin/chromium is missing, as the other browser tests are.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenOnLoopback, root } from "../helpers.js";
import { bundleForBrowser, hasChromium, launchChromium, pageProblems } from "../browser.js";
import type { BrowserBundle } from "../browser.js";
import { startServer } from "../../src/server/index.js";
import type { RunningServer, ServerOptions } from "../../src/server/index.js";
import type * as PuffleModule from "../../src/index.js";
import { DOCS_CONVERSATION, DOCS_THREAD, MISSING_ID, BOB_THREAD, SENDERS, snapshot } from "../server/http.js";

/** An error thrown in the page, as the page saw it (errors do not cross to Node whole). */
interface SeenError {
  kind: "api" | "network" | "validation" | "timeout" | "abort" | "other";
  name: string;
  message: string;
  status?: number;
  requestId?: string | undefined;
  problem?: unknown;
  body?: unknown;
  attempts?: number;
  /** The response headers the page can read (CORS hides the others). */
  headers?: Record<string, string>;
  existingThreadId?: string | undefined;
  duplicate?: boolean;
  target?: string;
  issues?: unknown;
  cause?: { name: string; message: string } | undefined;
}
type Settled<T> = { value: T; error?: undefined } | { error: SeenError; value?: undefined };

/** What the bundle puts on `window`: the package, and `settle` (a call's value, or its error as seen). */
interface PageApi {
  puffle: typeof PuffleModule;
  settle<T>(promise: Promise<T>): Promise<Settled<T>>;
}

// The page's module: the built package (dist/, fresh from the vitest global setup), as an app imports it.
const ENTRY = `import * as puffle from ${JSON.stringify(path.join(root, "dist/index.js"))};
const { PuffleApiError, PuffleNetworkError, PuffleValidationError, PuffleTimeoutError, PuffleAbortError, isDuplicateThreadError } = puffle;
const kindOf = (e) =>
  e instanceof PuffleApiError ? "api" : e instanceof PuffleNetworkError ? "network" : e instanceof PuffleValidationError ? "validation"
  : e instanceof PuffleTimeoutError ? "timeout" : e instanceof PuffleAbortError ? "abort" : "other";
function seen(e) {
  const out = { kind: kindOf(e), name: String(e?.name), message: String(e?.message) };
  if (e instanceof PuffleApiError) {
    Object.assign(out, { status: e.status, requestId: e.requestId, problem: e.problem, body: e.body, attempts: e.attempts,
      headers: Object.fromEntries(e.headers), existingThreadId: e.existingThread?.id, duplicate: isDuplicateThreadError(e) });
  }
  if (e instanceof PuffleNetworkError) Object.assign(out, { attempts: e.attempts, cause: e.cause ? { name: String(e.cause.name), message: String(e.cause.message) } : undefined });
  if (e instanceof PuffleValidationError) Object.assign(out, { target: e.target, issues: e.issues });
  return out;
}
window.puffle = puffle;
window.settle = async (promise) => {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: seen(error) };
  }
};
`;

const REQUEST_ID = /^req_[0-9a-f]{20}$/;

describe.skipIf(!hasChromium)("the typed client in a web page, calling the reference server on another origin (Chromium)", () => {
  let dir: string;
  let bundle: BrowserBundle;
  let pageServer: Server;
  let pageOrigin: string;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const mocks: RunningServer[] = [];

  /** The reference server on 127.0.0.1, another port than the page's: another origin. */
  async function mock(cors: ServerOptions["cors"]): Promise<RunningServer> {
    const server = await startServer({ port: 0, host: "127.0.0.1", cors });
    mocks.push(server);
    return server;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "puffle-cross-origin-"));
    bundle = await bundleForBrowser(dir, "front-end", ENTRY);
    expect(bundle.modules.filter((m) => /node:|\/fastify\/|\/pino\/|\/dist\/server\//.test(m))).toEqual([]);
    pageServer = createHttpServer((request, response) => {
      const pathname = new URL(request.url ?? "/", "http://page").pathname;
      const code = pathname === "/" ? undefined : bundle.chunkAt(pathname);
      if (pathname === "/") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(bundle.html);
      else if (code !== undefined) response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(code);
      else response.writeHead(404).end();
    });
    pageOrigin = await listenOnLoopback(pageServer);
    browser = await launchChromium();
    page = await browser.newPage();
    problems = pageProblems(page);
    await page.goto(`${pageOrigin}/`);
    await page.waitForFunction(() => typeof (window as unknown as Partial<PageApi>).settle === "function");
    expect(await page.evaluate(() => location.origin)).toBe(pageOrigin);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(mocks.map((server) => server.close()));
    if (pageServer?.listening) await new Promise<void>((resolve) => pageServer.close(() => resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
    // The page threw nothing (console errors are expected: Chromium logs every blocked call and every 4xx).
    expect(problems?.filter((p) => p.startsWith("page error")) ?? []).toEqual([]);
  });

  it("updateThread and updateConversation resolve with the record, with validate off and \"both\"; the store has them", async () => {
    const server = await mock(pageOrigin);
    const outcome = await page.evaluate(
      async ({ baseUrl, thread, conversation }) => {
        const { puffle, settle } = window as unknown as PageApi;
        const plain = puffle.createPuffleClient({ baseUrl, apiKey: "puffle_test_alice" });
        const both = puffle.createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", validate: "both" });
        return {
          thread: await settle(plain.updateThread(thread, { draft_subject: "From the typed client" })),
          conversation: await settle(plain.updateConversation(conversation, { status: "active", unread_count: 2 })),
          threadBoth: await settle(both.updateThread(thread, { draft_body_text: "Sent from a browser", participant_email: "Founder@Example.com" })),
          conversationBoth: await settle(both.updateConversation(conversation, { status: "archived" })),
        };
      },
      { baseUrl: server.url, thread: DOCS_THREAD, conversation: DOCS_CONVERSATION },
    );
    expect(outcome.thread.error).toBeUndefined();
    expect(outcome.thread.value).toMatchObject({ id: DOCS_THREAD, draft_subject: "From the typed client", draft_body_text: "Hi Alex, I had a quick question." });
    expect(outcome.conversation.value).toMatchObject({ id: DOCS_CONVERSATION, status: "active", unread_count: 2 });
    expect(outcome.threadBoth.value).toMatchObject({ id: DOCS_THREAD, draft_subject: "From the typed client", draft_body_text: "Sent from a browser", participant_email: "founder@example.com" });
    expect(outcome.conversationBoth.value).toMatchObject({ id: DOCS_CONVERSATION, status: "archived", unread_count: 2 });
    const rows = snapshot(server).conversations;
    expect(rows.find((c) => c.id === DOCS_THREAD)).toMatchObject({ draft_subject: "From the typed client", draft_body_text: "Sent from a browser", participant_email: "founder@example.com" });
    expect(rows.find((c) => c.id === DOCS_CONVERSATION)).toMatchObject({ status: "archived", unread_count: 2 });
  });

  it("a 401 is a PuffleApiError with its status, its X-Request-Id and WWW-Authenticate (both exposed), sent once: not a network error", async () => {
    const server = await mock(pageOrigin);
    const before = snapshot(server);
    const outcome = await page.evaluate(
      async ({ baseUrl, thread }) => {
        const { puffle, settle } = window as unknown as PageApi;
        return settle(puffle.createPuffleClient({ baseUrl, apiKey: "puffle_test_mallory" }).updateThread(thread, { status: "archived" }));
      },
      { baseUrl: server.url, thread: DOCS_THREAD },
    );
    expect(outcome.error).toMatchObject({ kind: "api", name: "PuffleApiError", status: 401, attempts: 1, problem: { status: 401, title: "Unauthorized" } });
    expect(outcome.error?.requestId).toMatch(REQUEST_ID);
    expect(outcome.error?.message).toContain(`(request id ${outcome.error?.requestId})`);
    expect(outcome.error?.headers).toMatchObject({ "x-request-id": outcome.error?.requestId, "www-authenticate": 'Bearer realm="puffle", error="invalid_token"', "content-type": expect.stringMatching(/^application\/problem\+json/) });
    // What the page cannot read: the browser applied CORS (X-Content-Type-Options is not exposed).
    expect(outcome.error?.headers).not.toHaveProperty("x-content-type-options");
    expect(snapshot(server)).toEqual(before);
  });

  it("a 404 (missing, or another user's record), a 400 with its errors, a 409 with the existing thread: PuffleApiErrors with the problem and the request id", async () => {
    const server = await mock(pageOrigin);
    const before = snapshot(server);
    const outcome = await page.evaluate(
      async ({ baseUrl, missing, bobs, thread, pending, sales }) => {
        const { puffle, settle } = window as unknown as PageApi;
        const client = puffle.createPuffleClient({ baseUrl, apiKey: "puffle_test_alice" });
        return {
          missing: await settle(client.updateThread(missing, { status: "archived" })),
          bobs: await settle(client.updateThread(bobs, { status: "archived" })),
          // Every field dropped by the API's leniency (a value the types refuse, as a page's JS may send).
          invalid: await settle(client.updateThread(thread, { status: "deleted" } as never)),
          sender: await settle(client.updateThread(thread, { account_id: pending })),
          duplicate: await settle(client.updateThread(thread, { account_id: sales })),
          // The client's own request id: allowed by the preflight, echoed by the server.
          ownId: await settle(client.updateConversation(missing, { status: "archived" }, { headers: { "x-request-id": "front-end.trace-42" } })),
          // A header of the page's own (tracing): the preflight allows what it is asked for.
          ownHeader: await settle(client.updateConversation(missing, { status: "archived" }, { headers: { traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" } })),
        };
      },
      { baseUrl: server.url, missing: MISSING_ID, bobs: BOB_THREAD, thread: DOCS_THREAD, pending: SENDERS.pending, sales: SENDERS.sales },
    );
    for (const [name, settled] of Object.entries(outcome)) {
      expect(settled.error?.kind, name).toBe("api");
      expect(settled.error?.attempts, name).toBe(1);
      if (name !== "ownId") expect(settled.error?.requestId, name).toMatch(REQUEST_ID);
    }
    expect(outcome.missing.error).toMatchObject({ status: 404, problem: { status: 404, title: "Not found", type: expect.stringMatching(/not-found$/) } });
    expect(outcome.bobs.error?.problem).toEqual({ ...(outcome.missing.error?.problem as object) });
    expect(outcome.invalid.error).toMatchObject({ status: 400, problem: { status: 400, errors: [{ path: "/status", keyword: "enum", message: expect.any(String) }, { path: "", keyword: "minProperties", message: "must have at least 1 valid field" }] } });
    expect(outcome.sender.error).toMatchObject({ status: 400, problem: { status: 400, errors: [{ path: "/account_id", keyword: "x-puffle-ready-email-sender" }] } });
    expect(outcome.duplicate.error).toMatchObject({ status: 409, duplicate: true, existingThreadId: "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b" });
    expect(outcome.ownId.error).toMatchObject({ status: 404, requestId: "front-end.trace-42" });
    expect(outcome.ownHeader.error).toMatchObject({ status: 404 });
    expect(snapshot(server)).toEqual(before);
  });

  it("validate \"both\" refuses a body the schema refuses before anything is sent (PuffleValidationError, not a 400)", async () => {
    const server = await mock(pageOrigin);
    const before = snapshot(server);
    const outcome = await page.evaluate(
      async ({ baseUrl, thread }) => {
        const { puffle, settle } = window as unknown as PageApi;
        return settle(puffle.createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", validate: "both" }).updateThread(thread, { status: "deleted" } as never));
      },
      { baseUrl: server.url, thread: DOCS_THREAD },
    );
    expect(outcome.error).toMatchObject({ kind: "validation", target: "request", issues: [expect.objectContaining({ path: "/status", keyword: "enum" })] });
    expect(snapshot(server)).toEqual(before);
  });

  it("a body over the server's limit: the 413 is readable (a PuffleApiError), not a reset", async () => {
    const server = await mock(pageOrigin);
    const before = snapshot(server);
    const outcome = await page.evaluate(
      async ({ baseUrl, thread }) => {
        const { puffle, settle } = window as unknown as PageApi;
        return settle(puffle.createPuffleClient({ baseUrl, apiKey: "puffle_test_alice" }).updateThread(thread, { draft_body_text: "a".repeat(1_100_000) }));
      },
      { baseUrl: server.url, thread: DOCS_THREAD },
    );
    expect(outcome.error).toMatchObject({ kind: "api", status: 413, attempts: 1, problem: { status: 413 } });
    expect(outcome.error?.requestId).toMatch(REQUEST_ID);
    expect(snapshot(server)).toEqual(before);
  });

  it.each([
    ["one origin: the 431 is a PuffleApiError with its request id", "one"],
    ["several origins: the 431 cannot name one, so the browser blocks it (a PuffleNetworkError)", "several"],
  ] as const)("headers Node's parser rejects (a 20 KB token), CORS on for %s", async (_name, which) => {
    const server = await mock(which === "one" ? pageOrigin : [pageOrigin, "http://localhost:5173"]);
    const before = snapshot(server);
    const outcome = await page.evaluate(
      async ({ baseUrl, thread }) => {
        const { puffle, settle } = window as unknown as PageApi;
        return settle(puffle.createPuffleClient({ baseUrl, apiKey: "t".repeat(20_000), maxRetries: 0 }).updateThread(thread, { status: "archived" }));
      },
      { baseUrl: server.url, thread: DOCS_THREAD },
    );
    if (which === "one") {
      expect(outcome.error).toMatchObject({ kind: "api", status: 431, attempts: 1, problem: { status: 431 } });
      expect(outcome.error?.requestId).toMatch(REQUEST_ID);
    } else {
      expect(outcome.error).toMatchObject({ kind: "network", attempts: 1, cause: { name: "TypeError" } });
    }
    expect(snapshot(server)).toEqual(before);
  });

  it.each([
    ["CORS off (the default)", undefined],
    ["CORS on for another origin", "http://localhost:5173"],
  ] as const)("%s: the browser blocks the call, a PuffleNetworkError after the retries (PATCH too), and nothing is written", async (_name, cors) => {
    const server = await mock(cors);
    const before = snapshot(server);
    const outcome = await page.evaluate(
      async ({ baseUrl, thread }) => {
        const { puffle, settle } = window as unknown as PageApi;
        const waits: number[] = [];
        const client = puffle.createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", retry: { random: () => 0.5, sleep: async (ms) => void waits.push(ms) } });
        const method = await settle(client.updateThread(thread, { draft_subject: "Blocked" }));
        const raw = await settle(client.PATCH("/api/threads/{id}", { params: { path: { id: thread } }, body: { draft_subject: "Blocked" } }));
        return { method, raw, waits };
      },
      { baseUrl: server.url, thread: DOCS_THREAD },
    );
    expect(outcome.method.error).toMatchObject({ kind: "network", name: "PuffleNetworkError", attempts: 3, cause: { name: "TypeError" } });
    expect(outcome.raw.error).toMatchObject({ kind: "network", attempts: 3, cause: { name: "TypeError" } });
    expect(outcome.waits).toEqual([125, 250, 125, 250]); // the backoff, two retries per call
    expect(snapshot(server)).toEqual(before);
  });

  it("Content-Length is readable cross-origin (safelisted): a response over maxResponseBytes is a PuffleNetworkError, sent once; one within it is read", async () => {
    const server = await mock(pageOrigin);
    const outcome = await page.evaluate(
      async ({ baseUrl, conversation }) => {
        const { puffle, settle } = window as unknown as PageApi;
        const response = await fetch(`${baseUrl}/api/conversations/${conversation}`, {
          method: "PATCH",
          headers: { authorization: "Bearer puffle_test_alice", "content-type": "application/json" },
          body: JSON.stringify({ unread_count: 1 }),
        });
        const length = Number(response.headers.get("content-length"));
        const seen = { type: response.type, length, read: (await response.arrayBuffer()).byteLength };
        const small = await settle(puffle.createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", maxResponseBytes: length - 1 }).updateConversation(conversation, { unread_count: 1 }));
        const exact = await settle(puffle.createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", maxResponseBytes: length }).updateConversation(conversation, { unread_count: 1 }));
        return { seen, small, exact };
      },
      { baseUrl: server.url, conversation: DOCS_CONVERSATION },
    );
    expect(outcome.seen.type).toBe("cors");
    expect(outcome.seen.length).toBeGreaterThan(100);
    expect(outcome.seen.read).toBe(outcome.seen.length);
    expect(outcome.small.error).toMatchObject({ kind: "network", attempts: 1, cause: { name: "ResponseTooLargeError", message: expect.stringContaining(`(${outcome.seen.length - 1} bytes)`) } });
    expect(outcome.exact.value).toMatchObject({ id: DOCS_CONVERSATION, unread_count: 1 });
  });

  describe("headers the reference server does not send, from a CORS server of the test's own", () => {
    let edge: Server;
    let edgeUrl: string;
    let target: RunningServer;
    const patches: string[] = [];
    const record = { id: DOCS_CONVERSATION, status: "active", note: "x".repeat(100_000) };
    const gzipped = gzipSync(JSON.stringify({ conversation: record }));

    /** `/<scenario>/api/…`: answers a preflight for the page's origin, then the scenario's response, with CORS for the page. */
    function answer(request: IncomingMessage, response: ServerResponse): void {
      const cors = { "access-control-allow-origin": pageOrigin, vary: "Origin" };
      if (request.method === "OPTIONS") {
        response.writeHead(204, { ...cors, "access-control-allow-methods": "PATCH", "access-control-allow-headers": "Authorization, Content-Type", "access-control-max-age": "600" }).end();
        return;
      }
      patches.push(request.url ?? "");
      request.resume();
      const scenario = /^\/([\w-]+)\//.exec(request.url ?? "")?.[1];
      const problem = JSON.stringify({ type: "about:blank", title: "Service Unavailable", status: 503 });
      if (scenario === "retry-after-exposed") {
        response.writeHead(503, { ...cors, "access-control-expose-headers": "Retry-After", "retry-after": "7", "content-type": "application/problem+json" }).end(problem);
      } else if (scenario === "retry-after-hidden") {
        response.writeHead(503, { ...cors, "retry-after": "7", "content-type": "application/problem+json" }).end(problem);
      } else if (scenario === "redirect") {
        response.writeHead(307, { ...cors, location: `${target.url}${(request.url ?? "").slice("/redirect".length)}` }).end();
      } else if (scenario === "gzip") {
        response.writeHead(200, { ...cors, "content-type": "application/json", "content-encoding": "gzip", "content-length": String(gzipped.length) }).end(gzipped);
      } else {
        response.writeHead(404, cors).end();
      }
    }

    beforeAll(async () => {
      target = await mock(pageOrigin);
      edge = createHttpServer(answer);
      edgeUrl = await listenOnLoopback(edge);
    });

    afterAll(async () => {
      if (edge?.listening) {
        edge.closeAllConnections();
        await new Promise<void>((resolve) => edge.close(() => resolve()));
      }
    });

    it("Retry-After: honoured when the server exposes it; hidden by the browser otherwise, so the backoff applies", async () => {
      patches.length = 0;
      const outcome = await page.evaluate(
        async ({ edgeUrl, conversation }) => {
          const { puffle, settle } = window as unknown as PageApi;
          const run = async (scenario: string) => {
            const waits: number[] = [];
            const client = puffle.createPuffleClient({ baseUrl: `${edgeUrl}/${scenario}`, apiKey: "puffle_test_alice", maxRetries: 1, retry: { random: () => 0.5, sleep: async (ms) => void waits.push(ms) } });
            return { settled: await settle(client.updateConversation(conversation, { status: "active" })), waits };
          };
          return { exposed: await run("retry-after-exposed"), hidden: await run("retry-after-hidden") };
        },
        { edgeUrl, conversation: DOCS_CONVERSATION },
      );
      expect(outcome.exposed.settled.error).toMatchObject({ kind: "api", status: 503, attempts: 2 });
      expect(outcome.exposed.settled.error?.headers?.["retry-after"]).toBe("7");
      expect(outcome.exposed.waits).toEqual([7000]);
      expect(outcome.hidden.settled.error).toMatchObject({ kind: "api", status: 503, attempts: 2 });
      expect(outcome.hidden.settled.error?.headers).not.toHaveProperty("retry-after");
      expect(outcome.hidden.waits).toEqual([125]); // 0.5 × baseDelayMs (250): the backoff
      expect(patches).toHaveLength(4);
    });

    it("a redirect (Location) is not followed: the browser's opaque redirect is a PuffleNetworkError after one attempt; nothing reaches the Location", async () => {
      patches.length = 0;
      const before = snapshot(target);
      const outcome = await page.evaluate(
        async ({ edgeUrl, conversation }) => {
          const { puffle, settle } = window as unknown as PageApi;
          const client = puffle.createPuffleClient({ baseUrl: `${edgeUrl}/redirect`, apiKey: "puffle_test_alice" });
          return settle(client.updateConversation(conversation, { status: "active" }));
        },
        { edgeUrl, conversation: DOCS_CONVERSATION },
      );
      expect(outcome.error).toMatchObject({ kind: "network", attempts: 1, cause: { name: "RedirectNotFollowedError" } });
      expect(patches).toEqual([`/redirect/api/conversations/${DOCS_CONVERSATION}`]);
      expect(snapshot(target)).toEqual(before);
    });

    it("Content-Encoding hidden (not exposed): a gzip body is counted as it is decoded, so maxResponseBytes holds against the decoded size", async () => {
      const outcome = await page.evaluate(
        async ({ edgeUrl, conversation }) => {
          const { puffle, settle } = window as unknown as PageApi;
          const response = await fetch(`${edgeUrl}/gzip/api/conversations/${conversation}`, { method: "PATCH", headers: { authorization: "Bearer t", "content-type": "application/json" }, body: "{}" });
          const seen = { type: response.type, length: response.headers.get("content-length"), encoding: response.headers.get("content-encoding"), read: (await response.arrayBuffer()).byteLength };
          const options = { baseUrl: `${edgeUrl}/gzip`, apiKey: "puffle_test_alice" };
          const limited = await settle(puffle.createPuffleClient({ ...options, maxResponseBytes: 4096 }).updateConversation(conversation, { status: "active" }));
          const roomy = await settle(puffle.createPuffleClient(options).updateConversation(conversation, { status: "active" }));
          return { seen, limited, noteLength: (roomy.value as { note?: string } | undefined)?.note?.length };
        },
        { edgeUrl, conversation: DOCS_CONVERSATION },
      );
      // The page sees the compressed length and no coding: the length is no bound on what is read.
      expect(outcome.seen).toEqual({ type: "cors", length: String(gzipped.length), encoding: null, read: JSON.stringify({ conversation: record }).length });
      expect(gzipped.length).toBeLessThan(4096);
      expect(outcome.limited.error).toMatchObject({ kind: "network", attempts: 1, cause: { name: "ResponseTooLargeError" } });
      expect(outcome.noteLength).toBe(record.note.length);
    });
  });
});
