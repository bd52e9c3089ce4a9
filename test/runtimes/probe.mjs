// Run by test/runtimes/runtimes.runtime.ts in Bun, Deno, workerd (a Worker bundled by rolldown),
// Vercel's edge-runtime VM and Node: the installed package (`npm pack`'s tarball) used through its
// bare entries and web-standard globals only (fetch, AbortController, setTimeout), against the
// reference server and a fault server that the test starts in Node on 127.0.0.1. Returns one plain
// object with every verdict; what differs between runtimes (request ids, a network error's cause)
// is left out, so every runtime must give the same object (but `codeGeneration`).
import * as api from "puffle-api";
import * as schema from "puffle-api/schema";
import * as v from "puffle-api/validators";
import spec from "puffle-api/openapi.json" with { type: "json" };

const THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const CONVERSATION = "f11e8a2c-1234-4567-89ab-cdef01234567";
const ERRORS = ["PuffleApiError", "PuffleValidationError", "PuffleTimeoutError", "PuffleAbortError", "PuffleNetworkError", "PuffleConfigError"];

/** A record's id and status, or the error: its class (checked with instanceof), status, target, problem title and message without the request id. */
async function outcome(promise) {
  try {
    const value = await promise;
    return { id: value.id, status: value.status, unread_count: value.unread_count, draft_subject: value.draft_subject };
  } catch (error) {
    const known = ERRORS.find((name) => error instanceof api[name]);
    if (known === undefined) return { error: `not a Puffle error: ${error?.name}: ${error?.message}` };
    const result = { error: known };
    for (const key of ["status", "target", "attempts"]) if (error[key] !== undefined) result[key] = error[key];
    if (error.problem) result.title = error.problem.title;
    if (api.isDuplicateThreadError(error)) result.existingThread = error.existingThread.id;
    // A network error's cause is the runtime's own text ("fetch failed", "Network connection lost.", …).
    result.message = error instanceof api.PuffleNetworkError ? error.message.slice(0, error.message.indexOf(THREAD) + THREAD.length) : error.message.replace(/ \(request id req_\w+\)/, "");
    if (error instanceof api.PuffleNetworkError && /larger than maxResponseBytes/.test(error.message)) result.cause = "larger than maxResponseBytes";
    return result;
  }
}

export async function probe({ baseUrl, faultUrl }) {
  const out = {};
  try {
    new Function("return 1");
    out.codeGeneration = "allowed";
  } catch (error) {
    out.codeGeneration = error.name;
  }
  out.entries = { ".": Object.keys(api).sort(), "./validators": Object.keys(v).sort(), "./schema": Object.keys(schema), "./openapi.json": [spec.openapi, ...Object.keys(spec.paths)] };

  const client = (options = {}) => api.createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", validate: "both", maxRetries: 0, ...options });
  const faulty = (prefix, options = {}) => client({ baseUrl: `${faultUrl}/${prefix}`, ...options });
  const puffle = client();
  const aborted = () => {
    const controller = new AbortController();
    const call = faulty("stall", { timeoutMs: 0 }).updateThread(THREAD, { status: "archived" }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stopped by the caller")), 50);
    return call;
  };
  out.client = {
    updateConversation: await outcome(puffle.updateConversation(CONVERSATION, { status: "archived", unread_count: 0 })),
    updateThread: await outcome(puffle.updateThread(THREAD, { draft_subject: "From another runtime" })),
    PATCH: await (async () => {
      const { data, response } = await puffle.PATCH("/api/threads/{id}", { params: { path: { id: THREAD } }, body: { status: "active" } });
      return { status: response.status, id: data?.thread.id, threadStatus: data?.thread.status };
    })(),
    notFound: await outcome(client({ apiKey: "puffle_test_bob" }).updateConversation(CONVERSATION, { status: "archived" })),
    unauthorized: await outcome(client({ apiKey: "not-a-token" }).updateThread(THREAD, { status: "archived" })),
    duplicate: await outcome(puffle.updateThread(THREAD, { account_id: "5a1e5000-0000-4000-8000-000000000003" })),
    // Validation off: the API's leniency decides (an all-invalid body is a 400).
    allInvalidSent: await outcome(client({ validate: undefined }).updateThread(THREAD, { status: "deleted" })),
    invalidRequest: await outcome(puffle.updateThread(THREAD, { status: "deleted" })),
    invalidPathId: await outcome(puffle.updateThread("not-a-uuid", { status: "archived" })),
    invalidResponse: await outcome(faulty("invalid").updateThread(THREAD, { status: "archived" })),
    timeout: await outcome(faulty("stall", { timeoutMs: 200 }).updateThread(THREAD, { status: "archived" })),
    abort: await outcome(aborted()),
    stalledBody: await outcome(faulty("stall-body", { timeoutMs: 200 }).updateThread(THREAD, { status: "archived" })),
    retried503: await outcome(faulty(`flaky-${Math.random().toString(36).slice(2)}`, { maxRetries: 1, retry: { baseDelayMs: 1, maxDelayMs: 1 } }).updateThread(THREAD, { status: "archived" })),
    cutBody: await outcome(faulty("cut", { maxRetries: 1, retry: { baseDelayMs: 1, maxDelayMs: 1 } }).updateThread(THREAD, { status: "archived" })),
    gzip: await outcome(faulty("gzip").updateThread(THREAD, { status: "archived" })),
    tooLargeStreamed: await outcome(faulty("big", { maxResponseBytes: 1000 }).updateThread(THREAD, { status: "archived" })),
    tooLargeDeclared: await outcome(faulty("big-declared", { maxResponseBytes: 1000 }).updateThread(THREAD, { status: "archived" })),
    redirect: await outcome(faulty("redirect").updateThread(THREAD, { status: "archived" })),
    html502: await outcome(faulty("html").updateThread(THREAD, { status: "archived" })),
    badOption: await outcome((async () => api.createPuffleClient({ baseUrl: "ftp://example.com" }))()),
    // No apiKey: the default, process.env.PUFFLE_API_KEY, where the runtime has one.
    defaultApiKey: await outcome((async () => api.createPuffleClient({ baseUrl, maxRetries: 0 }).updateConversation(CONVERSATION, { status: "active" }))()),
  };

  out.validators = {
    valid: v.validateRequestBody("updateThread", { status: "archived", draft_subject: "x" }),
    invalid: v.validateRequestBody("updateThread", { status: "deleted", zz: 1 }),
    normalizeLenient: v.normalizeRequestBody("updateConversation", { status: "deleted", unread_count: 0, zz: 1 }),
    normalizeNothingLeft: v.normalizeRequestBody("updateConversation", { status: "deleted" }).status,
    response: [v.validateResponseBody("updateThread", 200, { thread: { id: THREAD } }).valid, v.validateResponseBody("updateThread", 201, {}).valid],
    pathParams: [v.validatePathParams("updateThread", { id: THREAD }).valid, v.validatePathParams("updateThread", { id: "x" }).valid],
    perOperation: [v.validateUpdateConversationRequest({ status: "archived" }).valid, v.validateUpdateThreadRequest({ status: 7 }).valid],
    schemas: [Object.keys(v.schemas).length, v.schemas.Thread(null)],
  };
  return out;
}
