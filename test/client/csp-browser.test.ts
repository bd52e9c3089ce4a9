// The package in a page whose Content-Security-Policy forbids code generation from strings
// (`default-src 'self'; script-src 'self'`, no 'unsafe-eval', sent as a header): the client with
// `validate: "both"` and `puffle-api/validators`, bundled for a browser (test/browser.ts) from the
// built dist/, and the validators module also loaded unbundled, as native ES modules. Every check
// works and no `securitypolicyviolation` event fires; a `new Function` in the page then shows that
// the policy is in force (EvalError and one violation). The page's API is the page's own origin
// (connect-src 'self'), answering with the spec's examples. A dependency or a generator change that
// compiles code at run time fails here. (Node with code generation disallowed:
// test/unit/no-code-generation.test.ts.) Skipped when /usr/bin/chromium is missing, as the other
// browser tests are.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deref, listenOnLoopback, root, spec } from "../helpers.js";
import type { JsonObject } from "../helpers.js";
import { bundleForBrowser, hasChromium, launchChromium, pageProblems } from "../browser.js";
import type { BrowserBundle } from "../browser.js";

const CSP = "default-src 'self'; script-src 'self'";
const THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const CONVERSATION = "f11e8a2c-1234-4567-89ab-cdef01234567";
/** A thread id the page's API answers with a 200 body whose status the spec does not allow. */
const BAD_RESPONSE_THREAD = "0badbad0-0000-4000-8000-000000000001";
/** An id the page's API answers with the spec's 404 problem. */
const MISSING = "0f0f0f0f-0000-4000-8000-0000000000ff";

/** The `value` of the example `name` of an operation's response (or request body, for "request"). */
function example(pathKey: string, where: "request" | string, name: string): JsonObject {
  const op = deref<JsonObject>(deref<JsonObject>((spec.paths as JsonObject)[pathKey]).patch);
  const holder = where === "request" ? deref<JsonObject>(op.requestBody) : deref<JsonObject>((op.responses as JsonObject)[where]);
  const content = Object.values(holder.content as JsonObject)[0] as JsonObject;
  return deref<JsonObject>((content.examples as JsonObject)[name]).value as JsonObject;
}
const THREAD_200 = example("/api/threads/{id}", "200", "docs");
const CONVERSATION_200 = example("/api/conversations/{id}", "200", "docs");
const NOT_FOUND = example("/api/threads/{id}", "404", "notFound");

// Everything runs as the page's own code, started as its module loads: a function Playwright's
// page.evaluate runs is exempt from the page's CSP until its first `await` (DevTools' evaluation
// allows eval by default), so calling the validators from there would prove nothing.
const CHECK_VALIDATORS = `function checkValidators(v, thread, conversation) {
  return [
    v.validateRequestBody("updateThread", { status: "archived", draft_subject: "Hi" }).valid,
    v.validateRequestBody("updateThread", { status: "deleted" }).valid,
    v.validateRequestBody("updateConversation", { unread_count: 0 }).valid,
    v.validateRequestBody("updateConversation", { unread_count: -1 }).valid,
    v.validateResponseBody("updateThread", 200, thread).valid,
    v.validateResponseBody("updateThread", 200, { thread: { ...thread.thread, created_at: "2026-02-30T15:00:00Z" } }).valid,
    v.validateResponseBody("updateConversation", "200", conversation).valid,
    v.validateResponseBody("updateConversation", 404, { type: "https://app.puffle.ai/problems/not-found", title: "Not found", status: 404 }).valid,
    v.validatePathParams("updateThread", { id: "${THREAD}" }).valid,
    v.validatePathParams("updateConversation", { id: "nope" }).valid,
    v.validateUpdateThreadRequest({ status: "active" }).valid,
    v.validateUpdateConversationRequest({ status: 1 }).valid,
    v.validateUpdateThreadResponse(thread).valid,
    v.validateUpdateConversationResponse({ conversation: { ...conversation.conversation, participant_email: "not an email" } }).valid,
    v.schemas.Thread(thread.thread),
    v.schemas.Conversation({}),
    JSON.stringify(v.normalizeRequestBody("updateThread", { status: "deleted", participant_email: "A@B.CO", x: 1 })),
  ];
}`;
const VALIDATOR_VERDICTS = [true, false, true, false, true, false, true, true, true, false, true, false, true, false, true, false, JSON.stringify({ ok: true, body: { participant_email: "a@b.co" }, dropped: ["status", "x"] })];

const CHECK_CLIENT = `async function checkClient(puffle) {
  const client = puffle.createPuffleClient({ baseUrl: location.origin, apiKey: "puffle_test_alice", validate: "both", maxRetries: 0 });
  const settle = async (promise) => {
    try {
      return { id: (await promise).id };
    } catch (error) {
      return { name: error.name, target: error.target, field: error.field, status: error.status, title: error.problem?.title, message: error.message };
    }
  };
  return {
    thread: await settle(client.updateThread("${THREAD}", { status: "archived" })),
    conversation: await settle(client.updateConversation("${CONVERSATION}", { unread_count: 0 })),
    badRequest: await settle(client.updateThread("${THREAD}", { status: "deleted" })),
    badResponse: await settle(client.updateThread("${BAD_RESPONSE_THREAD}", { status: "archived" })),
    badPathId: await settle(client.updateConversation("not-a-uuid", { status: "archived" })),
    missing: await settle(client.updateThread("${MISSING}", { status: "archived" })),
  };
}`;

// The page's module: the built package as an app's bundler sees it (dist/, from the vitest global
// setup); then dist/validators.js unbundled (native ES modules: it imports ./json-pointer.js,
// ./json-depth.js, ./json-finite.js, ./poison-keys.js and ../generated/validators.js), the client's calls, and last /probe.js's
// `new Function`, which must be refused.
const ENTRY = `import * as puffle from ${JSON.stringify(path.join(root, "dist/index.js"))};
import * as validators from ${JSON.stringify(path.join(root, "dist/validators.js"))};
const thread = ${JSON.stringify(THREAD_200)};
const conversation = ${JSON.stringify(CONVERSATION_200)};
${CHECK_VALIDATORS}
${CHECK_CLIENT}
const unbundled = "/dist/validators.js";
window.results = (async () => {
  const out = {};
  try {
    out.bundled = checkValidators(validators, thread, conversation);
    out.unbundled = checkValidators(await import(unbundled), thread, conversation);
    out.client = await checkClient(puffle);
  } catch (error) {
    out.thrown = String(error);
  }
  out.codeGeneration = window.probe();
  return out;
})();
`;
// Classic scripts before the module: the listener sees a violation while the bundle loads too.
const LISTEN = `window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile }));
`;
const PROBE = `window.probe = () => {
  try {
    new Function("return 1");
    return "allowed";
  } catch (error) {
    return error.name;
  }
};
`;

interface PageApi {
  results: Promise<{ thrown?: string; bundled: unknown[]; unbundled: unknown[]; client: Record<string, unknown>; codeGeneration: string }>;
  violations: { directive: string; blocked: string; source: string }[];
}

describe.skipIf(!hasChromium)(`the client and the validators in a page with Content-Security-Policy: ${CSP} (Chromium)`, () => {
  let dir: string;
  let bundle: BrowserBundle;
  let pageServer: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const apiCalls: string[] = [];
  let results: Awaited<PageApi["results"]>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "puffle-csp-"));
    bundle = await bundleForBrowser(dir, "app", ENTRY);
    // The client's validators are a chunk of their own, loaded on first use: under the CSP too.
    expect(bundle.chunks.length).toBeGreaterThan(1);
    const html = bundle.html.replace("<script", '<script src="/listen.js"></script><script src="/probe.js"></script><script');
    const headers = (type: string) => ({ "content-type": type, "content-security-policy": CSP });
    pageServer = createHttpServer((request, response) => {
      const pathname = new URL(request.url ?? "/", "http://page").pathname;
      if (request.method === "PATCH") {
        // The page's API, on its own origin (connect-src 'self'): the spec's examples.
        apiCalls.push(`${request.method} ${pathname}`);
        request.resume();
        const id = pathname.split("/").pop();
        const [status, body] =
          id === MISSING ? [404, NOT_FOUND]
          : id === BAD_RESPONSE_THREAD ? [200, { thread: { ...(THREAD_200.thread as JsonObject), id, status: "deleted" } }]
          : pathname.startsWith("/api/threads/") ? [200, THREAD_200]
          : [200, CONVERSATION_200];
        response.writeHead(status, { "content-type": status === 200 ? "application/json" : "application/problem+json" }).end(JSON.stringify(body));
        return;
      }
      const chunk = bundle.chunkAt(pathname);
      const script = pathname === "/listen.js" ? LISTEN : pathname === "/probe.js" ? PROBE : chunk;
      // dist/validators.js and what it imports, unbundled.
      const file = /^\/(dist|generated)\/[a-z-]+\.js$/.test(pathname) ? path.join(root, pathname) : undefined;
      if (pathname === "/") response.writeHead(200, headers("text/html; charset=utf-8")).end(html);
      else if (script !== undefined) response.writeHead(200, headers("text/javascript")).end(script);
      else if (file !== undefined && existsSync(file)) response.writeHead(200, headers("text/javascript")).end(readFileSync(file, "utf8"));
      else response.writeHead(404).end();
    });
    origin = await listenOnLoopback(pageServer);
    browser = await launchChromium();
    page = await browser.newPage();
    problems = pageProblems(page);
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => (window as unknown as Partial<PageApi>).results !== undefined);
    // Only reads what the page's own code computed (see CHECK_VALIDATORS).
    results = await page.evaluate(() => (window as unknown as PageApi).results);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (pageServer?.listening) await new Promise<void>((resolve) => pageServer.close(() => resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the page is served with the policy, and nothing in it threw", async () => {
    const response = await page.request.get(`${origin}/`);
    expect(response.headers()["content-security-policy"]).toBe(CSP);
    expect(results.thrown).toBeUndefined();
    expect(problems.filter((p) => p.startsWith("page error"))).toEqual([]);
  });

  it("puffle-api/validators, bundled and unbundled: every exported validator and normalizeRequestBody", () => {
    expect(results.bundled).toEqual(VALIDATOR_VERDICTS);
    expect(results.unbundled).toEqual(VALIDATOR_VERDICTS);
  });

  it('the client with validate: "both": calls resolve, an invalid request or response is a PuffleValidationError, a 404 a PuffleApiError with its problem', () => {
    expect(results.client).toEqual({
      thread: { id: THREAD },
      conversation: { id: CONVERSATION },
      badRequest: expect.objectContaining({ name: "PuffleValidationError", target: "request", field: "status" }),
      badResponse: expect.objectContaining({ name: "PuffleValidationError", target: "response", field: "thread.status", status: 200 }),
      badPathId: expect.objectContaining({ name: "PuffleValidationError", target: "path", field: "id" }),
      missing: expect.objectContaining({ name: "PuffleApiError", status: 404, title: (NOT_FOUND as { title: string }).title }),
    });
    // The invalid request and the bad path id were not sent.
    expect(apiCalls).toEqual([`PATCH /api/threads/${THREAD}`, `PATCH /api/conversations/${CONVERSATION}`, `PATCH /api/threads/${BAD_RESPONSE_THREAD}`, `PATCH /api/threads/${MISSING}`]);
  });

  it("no securitypolicyviolation but /probe.js's: the policy is in force (its new Function threw EvalError) and nothing else broke it", async () => {
    expect(results.codeGeneration).toBe("EvalError");
    // Violation events arrive in order: once the probe's is in, any earlier one is too.
    await page.waitForFunction(() => (window as unknown as PageApi).violations.some((v) => v.source.endsWith("/probe.js")));
    expect(await page.evaluate(() => (window as unknown as PageApi).violations)).toEqual([{ directive: "script-src", blocked: "eval", source: `${origin}/probe.js` }]);
  });
});
