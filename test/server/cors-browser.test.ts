// CORS in a real browser: a page served from one loopback origin (a plain node:http server) calls the
// reference server on another port with fetch, as a web front end would (a PATCH with a bearer token
// and a JSON body, so Chromium sends a preflight first). With the server's `cors` option on for the
// page's origin (or any origin) the update goes through and the page can read the response and its
// X-Request-Id; with CORS off, or on for another origin, fetch fails with a TypeError and nothing is
// written (the preflight stops it). Debian's Chromium, driven by playwright-core; skipped when
// /usr/bin/chromium is missing, as the other browser tests are (test/browser.ts).
import { createServer as createHttpServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/server/index.js";
import type { RunningServer, ServerOptions } from "../../src/server/index.js";
import { hasChromium, launchChromium } from "../browser.js";
import { ALICE, DOCS_THREAD, snapshot } from "./http.js";

/** What the page's fetch gave: the response as the page can read it, or the error fetch threw. */
type Outcome =
  | { ok: boolean; status: number; requestId: string | null; wwwAuthenticate: string | null; body: unknown }
  | { error: string; message: string };

describe.skipIf(!hasChromium)("a web page on another origin calls the reference server (Chromium)", () => {
  let pageServer: Server;
  let pageOrigin: string;
  let browser: Browser;
  let page: Page;
  const mocks: RunningServer[] = [];

  /** The reference server on 127.0.0.1, another port than the page's: another origin. */
  async function mock(cors: ServerOptions["cors"]): Promise<RunningServer> {
    const server = await startServer({ port: 0, host: "127.0.0.1", cors });
    mocks.push(server);
    return server;
  }

  /** Runs fetch in the page: a PATCH of the docs' thread with `token` and a JSON body. */
  function patchFromPage(url: string, token: string, body: unknown): Promise<Outcome> {
    return page.evaluate(
      async ({ url, token, body }) => {
        try {
          const response = await fetch(url, {
            method: "PATCH",
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
            body: JSON.stringify(body),
          });
          return {
            ok: response.ok,
            status: response.status,
            requestId: response.headers.get("x-request-id"),
            wwwAuthenticate: response.headers.get("www-authenticate"),
            body: await response.json(),
          };
        } catch (error) {
          return { error: (error as Error).name, message: (error as Error).message };
        }
      },
      { url, token, body },
    );
  }

  beforeAll(async () => {
    pageServer = createHttpServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end("<!doctype html><title>front end</title><p>front end</p>");
    });
    await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", resolve));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${pageOrigin}/`);
    expect(await page.evaluate(() => location.origin)).toBe(pageOrigin);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(mocks.map((server) => server.close()));
    if (pageServer?.listening) await new Promise<void>((resolve) => pageServer.close(() => resolve()));
  });

  it("CORS on for the page's origin: the PATCH succeeds and the page reads the thread and the X-Request-Id", async () => {
    const server = await mock(pageOrigin);
    const outcome = await patchFromPage(`${server.url}/api/threads/${DOCS_THREAD}`, ALICE, { draft_subject: "From the browser" });
    expect(outcome).toMatchObject({ ok: true, status: 200, body: { thread: { id: DOCS_THREAD, draft_subject: "From the browser" } } });
    expect("requestId" in outcome && outcome.requestId).toMatch(/^req_[0-9a-f]{20}$/);
    expect(server.app.puffle.store.snapshot().conversations.find((c) => c.id === DOCS_THREAD)?.draft_subject).toBe("From the browser");
  });

  it("CORS on: a problem is readable too, a 401 with its WWW-Authenticate", async () => {
    const server = await mock(true);
    const outcome = await patchFromPage(`${server.url}/api/threads/${DOCS_THREAD}`, "puffle_test_mallory", { status: "archived" });
    expect(outcome).toMatchObject({ ok: false, status: 401, wwwAuthenticate: 'Bearer realm="puffle", error="invalid_token"', body: { status: 401, title: "Unauthorized" } });
  });

  it("CORS on for any origin (cors: true): the PATCH succeeds", async () => {
    const server = await mock(true);
    const outcome = await patchFromPage(`${server.url}/api/threads/${DOCS_THREAD}`, ALICE, { status: "archived" });
    expect(outcome).toMatchObject({ ok: true, status: 200, body: { thread: { id: DOCS_THREAD, status: "archived" } } });
  });

  it("CORS on: a body the page compressed (Content-Encoding: gzip) gets the 415, and the page reads its Accept-Encoding", async () => {
    const server = await mock(pageOrigin);
    const before = snapshot(server);
    const outcome = await page.evaluate(async (url) => {
      try {
        const gzip = new Blob([JSON.stringify({ draft_subject: "Compressed" })]).stream().pipeThrough(new CompressionStream("gzip"));
        const response = await fetch(url, {
          method: "PATCH",
          headers: { Authorization: "Bearer puffle_test_alice", "Content-Type": "application/json", "Content-Encoding": "gzip" },
          body: await new Response(gzip).arrayBuffer(),
        });
        return { status: response.status, acceptEncoding: response.headers.get("accept-encoding"), body: await response.json() };
      } catch (error) {
        return { error: (error as Error).name, message: (error as Error).message };
      }
    }, `${server.url}/api/threads/${DOCS_THREAD}`);
    expect(outcome).toMatchObject({ status: 415, acceptEncoding: "identity", body: { status: 415, detail: expect.stringContaining('Content-Encoding "gzip"') } });
    expect(snapshot(server)).toEqual(before);
  });

  it.each([
    ["CORS off (the default)", undefined],
    ["CORS on for another origin", "http://localhost:5173"],
  ] as const)("%s: fetch fails with a TypeError, and nothing is written", async (_name, cors) => {
    const server = await mock(cors);
    const before = snapshot(server);
    const outcome = await patchFromPage(`${server.url}/api/threads/${DOCS_THREAD}`, ALICE, { draft_subject: "Blocked" });
    expect(outcome).toMatchObject({ error: "TypeError" });
    expect(snapshot(server)).toEqual(before);
  });
});
