// The client over real HTTP against the reference server (src/server, on 127.0.0.1, a free port,
// fresh default seed per test): every documented status of both operations, each checked against
// the spec with the generated validators.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";
import {
  createPuffleClient,
  isDuplicateThreadError,
  PuffleApiError,
  PuffleValidationError,
} from "../../src/index.js";
import type { PuffleClientOptions, UpdateThreadRequest } from "../../src/index.js";
import { validateResponseBody } from "../../src/validators.js";

const ALICE = "puffle_test_alice";
const BOB = "puffle_test_bob";
const CONVERSATION = "f11e8a2c-1234-4567-89ab-cdef01234567";
const DRAFT_THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const BOB_CONVERSATION = "b0b0c000-0000-4000-8000-000000000021";
const BOB_THREAD = "b0b0c000-0000-4000-8000-000000000022";
const MISSING = "00000000-0000-4000-8000-00000000dead";
const SALES_SENDER = "5a1e5000-0000-4000-8000-000000000003"; // has an active thread with founder@example.com
const GROWTH_SENDER = "96a0e000-0000-4000-8000-000000000004"; // only archived and warmup threads with founder@
const PENDING_SENDER = "9e4d1000-0000-4000-8000-000000000005"; // not ready
const EXISTING_THREAD = "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b";

let server: RunningServer;
beforeEach(async () => {
  server = await startServer({ port: 0 });
});
afterEach(async () => {
  await server.close();
});

function client(options: PuffleClientOptions = {}) {
  return createPuffleClient({ baseUrl: server.url, apiKey: ALICE, validate: "both", ...options });
}

async function apiError(promise: Promise<unknown>): Promise<PuffleApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PuffleApiError) return error;
    throw error;
  }
  throw new Error("expected a PuffleApiError");
}

/** The error's body is the one the spec documents for its status. */
function expectDocumented(error: PuffleApiError, operationId: "updateConversation" | "updateThread", status: number) {
  expect(error.status).toBe(status);
  expect(error.problem?.status).toBe(status);
  expect(validateResponseBody(operationId, status, error.body)).toMatchObject({ valid: true });
  expect(error.requestId).toMatch(/\S/);
  expect(error.headers.get("content-type")).toMatch(/^application\/problem\+json/);
}

describe("updateConversation", () => {
  it("200: returns the updated conversation, every column, updated_at advanced", async () => {
    const conversation = await client().updateConversation(CONVERSATION, { status: "active", unread_count: 4 });
    expect(conversation).toMatchObject({ id: CONVERSATION, status: "active", unread_count: 4, channel: "linkedin", participant_name: "Jane Doe" });
    expect(Date.parse(conversation.updated_at)).toBeGreaterThan(Date.parse("2026-04-22T10:00:00Z"));
  });

  it("200 through the raw client: { data, response } with X-Request-Id", async () => {
    const { data, error, response } = await client().PATCH("/api/conversations/{id}", { params: { path: { id: CONVERSATION } }, body: { status: "archived" } });
    expect(error).toBeUndefined();
    expect(data?.conversation.status).toBe("archived");
    expect(response.headers.get("x-request-id")).toMatch(/\S/);
  });

  it("400: an empty body (sent when request validation is off)", async () => {
    const error = await apiError(client({ validate: "response" }).updateConversation(CONVERSATION, {}));
    expectDocumented(error, "updateConversation", 400);
  });

  it("400: an all-invalid body lists each reason", async () => {
    const body = { status: "deleted", unread_count: -1 } as unknown as { status: "active" };
    const error = await apiError(client({ validate: undefined }).updateConversation(CONVERSATION, body));
    expectDocumented(error, "updateConversation", 400);
    expect(error.problem?.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(["/status", "/unread_count"]));
  });

  it("the same all-invalid body never leaves the process with validate: request", async () => {
    const body = { status: "deleted" } as unknown as { status: "active" };
    await expect(client({ validate: "request" }).updateConversation(CONVERSATION, body)).rejects.toMatchObject({ name: "PuffleValidationError", target: "request", field: "status" });
  });

  it("401: an unknown token", async () => {
    const error = await apiError(client({ apiKey: "puffle_test_mallory" }).updateConversation(CONVERSATION, { status: "active" }));
    expectDocumented(error, "updateConversation", 401);
    expect(error.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("401: no token at all", async () => {
    const noKey = createPuffleClient({ baseUrl: server.url, validate: "both", headers: {} });
    const previous = process.env.PUFFLE_API_KEY;
    delete process.env.PUFFLE_API_KEY;
    try {
      const error = await apiError(noKey.updateConversation(CONVERSATION, { status: "active" }));
      expectDocumented(error, "updateConversation", 401);
    } finally {
      if (previous !== undefined) process.env.PUFFLE_API_KEY = previous;
    }
  });

  it("404: someone else's conversation, the same body as a missing one", async () => {
    const notOwned = await apiError(client().updateConversation(BOB_CONVERSATION, { status: "archived" }));
    const missing = await apiError(client().updateConversation(MISSING, { status: "archived" }));
    expectDocumented(notOwned, "updateConversation", 404);
    expectDocumented(missing, "updateConversation", 404);
    const { instance: _a, ...a } = notOwned.problem ?? {};
    const { instance: _b, ...b } = missing.problem ?? {};
    expect(a).toEqual(b);
    // And Bob can update his own.
    await expect(client({ apiKey: BOB }).updateConversation(BOB_CONVERSATION, { status: "archived" })).resolves.toMatchObject({ status: "archived" });
  });

  it("413: a body over 1 MiB", async () => {
    const big = { status: "active", padding: "x".repeat(1_100_000) } as unknown as { status: "active" };
    const error = await apiError(client({ validate: "response" }).updateConversation(CONVERSATION, big));
    expectDocumented(error, "updateConversation", 413);
  });

  it("415: a body not sent as application/json", async () => {
    const error = await apiError(client().updateConversation(CONVERSATION, { status: "active" }, { headers: { "Content-Type": "text/plain" } }));
    expectDocumented(error, "updateConversation", 415);
  });
});

describe("updateThread", () => {
  it("200: the docs' example request on the docs' thread", async () => {
    const thread = await client().updateThread(DRAFT_THREAD, {
      account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
      participant_email: "Founder@Example.com",
      draft_subject: "Quick question",
      draft_body_text: "Hi Alex, I had a quick question.",
    });
    expect(thread).toMatchObject({ id: DRAFT_THREAD, status: "draft", account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11", participant_email: "founder@example.com", draft_subject: "Quick question" });
  });

  it("200: null clears the sender and draft fields; attachments replace the list", async () => {
    const thread = await client().updateThread(DRAFT_THREAD, { account_id: null, draft_subject: null, draft_attachments: [{ id: "att_1", name: "deck.pdf" }] });
    expect(thread.account_id).toBeNull();
    expect(thread.draft_subject).toBeNull();
    expect(thread.draft_attachments).toEqual([{ id: "att_1", name: "deck.pdf" }]);
  });

  it("200: a sender whose only threads with the recipient are archived or warmup is no duplicate", async () => {
    await expect(client().updateThread(DRAFT_THREAD, { account_id: GROWTH_SENDER })).resolves.toMatchObject({ account_id: GROWTH_SENDER });
  });

  it("400: a sender that is not ready", async () => {
    const error = await apiError(client().updateThread(DRAFT_THREAD, { account_id: PENDING_SENDER }));
    expectDocumented(error, "updateThread", 400);
  });

  it("400: an empty body", async () => {
    const error = await apiError(client({ validate: "response" }).updateThread(DRAFT_THREAD, {}));
    expectDocumented(error, "updateThread", 400);
  });

  it("401: an unknown token", async () => {
    const error = await apiError(client({ apiKey: "nobody" }).updateThread(DRAFT_THREAD, { status: "archived" }));
    expectDocumented(error, "updateThread", 401);
  });

  it("404: Bob's thread with Alice's token", async () => {
    const error = await apiError(client().updateThread(BOB_THREAD, { status: "archived" }));
    expectDocumented(error, "updateThread", 404);
  });

  it("409: the sender already has an active thread with this recipient → existing_thread, typed", async () => {
    let caught: unknown;
    try {
      await client().updateThread(DRAFT_THREAD, { account_id: SALES_SENDER });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PuffleApiError);
    expectDocumented(caught as PuffleApiError, "updateThread", 409);
    expect(isDuplicateThreadError(caught)).toBe(true);
    if (!isDuplicateThreadError(caught)) return;
    expect(caught.existingThread.id).toBe(EXISTING_THREAD);
    expect(caught.existingThread.participant_email).toBe("founder@example.com");
    expect(caught.problem.existing_thread.account_id).toBe(SALES_SENDER);
    // Nothing changed: the draft keeps its sender.
    const after = await client().updateThread(DRAFT_THREAD, { unread_count: 0 });
    expect(after.account_id).toBe("8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11");
  });

  it("413: a body over 1 MiB", async () => {
    // validate: "request" refuses it before sending (below): the server's answer is without it.
    const error = await apiError(client({ validate: "response" }).updateThread(DRAFT_THREAD, { draft_body_text: "x".repeat(1_100_000) }));
    expectDocumented(error, "updateThread", 413);
  });

  it("415: a body not sent as application/json", async () => {
    // openapi-fetch form-encodes the body for this content type, so request validation refuses it…
    await expect(client().updateThread(DRAFT_THREAD, { status: "archived" }, { headers: { "Content-Type": "application/x-www-form-urlencoded" } })).rejects.toMatchObject({ target: "request", issues: [{ message: "is not JSON" }] });
    // …and without it the server answers 415.
    const error = await apiError(client({ validate: "response" }).updateThread(DRAFT_THREAD, { status: "archived" }, { headers: { "Content-Type": "application/x-www-form-urlencoded" } }));
    expectDocumented(error, "updateThread", 415);
  });

  // The schema leaves an attachment's members open, so validate: "request" passed a body nested past
  // the API's 64 levels (x-puffle-behaviour.maxBodyDepth) and the server answered 400 maxDepth.
  it("a body nested past maxBodyDepth never leaves the process with validate: request (the methods and the raw client); 64 levels is sent", async () => {
    const nested = (levels: number) => {
      // The body is level 1, draft_attachments level 2, its item level 3.
      let item: Record<string, unknown> = { name: "a.pdf" };
      for (let level = 3; level < levels; level++) item = { x: item };
      return { draft_attachments: [item] } as UpdateThreadRequest;
    };
    let requests = 0;
    server.app.server.on("request", () => {
      requests++;
    });
    const sentAnyway = await apiError(client({ validate: "response" }).updateThread(DRAFT_THREAD, nested(65)));
    expect(sentAnyway.problem?.errors?.[0]).toMatchObject({ keyword: "maxDepth" });
    expect(requests).toBe(1);
    const refused = { name: "PuffleValidationError", target: "request", field: "draft_attachments", message: "updateThread: request body: draft_attachments is nested more than 64 levels deep (the body is level 1), the most the API reads (x-puffle-behaviour.maxBodyDepth)" };
    for (const validate of ["request", "both"] as const) {
      await expect(client({ validate }).updateThread(DRAFT_THREAD, nested(65))).rejects.toMatchObject(refused);
      await expect(client({ validate }).PATCH("/api/threads/{id}", { params: { path: { id: DRAFT_THREAD } }, body: nested(65) })).rejects.toMatchObject(refused);
    }
    expect(requests).toBe(1);
    const thread = await client({ validate: "request" }).updateThread(DRAFT_THREAD, nested(64));
    expect(thread.draft_attachments).toEqual(nested(64).draft_attachments);
    expect(requests).toBe(2);
  });

  // validate: "request" checked the schema and the depth but not x-puffle-behaviour.maxBodyBytes:
  // a body over 1 MiB was sent, only for the server to answer 413. Measured in UTF-8, as it is sent.
  it("a body over maxBodyBytes (1 MiB of UTF-8) never leaves the process with validate: request (the methods and the raw client); one of exactly 1 MiB is sent", async () => {
    const MAX = 1_048_576;
    const overhead = JSON.stringify({ draft_body_text: "" }).length;
    // "é" is one UTF-16 code unit and 2 bytes of UTF-8: 600,000 are fewer characters than 1 MiB, and 1.2 MB.
    const over = { draft_body_text: "\u00e9".repeat(600_000) };
    const exact = { draft_body_text: "\u00e9".repeat(500_000) + "x".repeat(MAX - overhead - 1_000_000) };
    let requests = 0;
    server.app.server.on("request", () => {
      requests++;
    });
    const sentAnyway = await apiError(client({ validate: "response" }).updateThread(DRAFT_THREAD, over));
    expect(sentAnyway.status).toBe(413);
    expect(requests).toBe(1);
    const refused = {
      name: "PuffleValidationError",
      target: "request",
      field: "draft_body_text",
      message: `updateThread: request body: draft_body_text makes the body ${overhead + 1_200_000} bytes of JSON (UTF-8), more than ${MAX}, the most the API accepts (x-puffle-behaviour.maxBodyBytes; its largest field, 1200002 bytes)`,
    };
    for (const validate of ["request", "both"] as const) {
      await expect(client({ validate }).updateThread(DRAFT_THREAD, over)).rejects.toMatchObject(refused);
      await expect(client({ validate }).PATCH("/api/threads/{id}", { params: { path: { id: DRAFT_THREAD } }, body: over })).rejects.toMatchObject(refused);
    }
    expect(requests).toBe(1);
    const thread = await client({ validate: "request" }).updateThread(DRAFT_THREAD, exact);
    expect(thread.draft_body_text).toBe(exact.draft_body_text);
    const raw = await client({ validate: "both" }).PATCH("/api/threads/{id}", { params: { path: { id: DRAFT_THREAD } }, body: exact });
    expect(raw.response.status).toBe(200);
    expect(requests).toBe(3);
  });

  it("the raw client returns documented errors as { error } without throwing", async () => {
    const { data, error, response } = await client().PATCH("/api/threads/{id}", { params: { path: { id: DRAFT_THREAD } }, body: { account_id: SALES_SENDER } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(409);
    expect(validateResponseBody("updateThread", 409, error)).toMatchObject({ valid: true });
  });
});

describe("bad ids against a live server: refused locally, the server sees nothing", () => {
  const BAD: readonly string[] = ["..", ".", "", "a/b", "not-a-uuid", `${DRAFT_THREAD}/..`, "%2e%2e"];
  for (const id of BAD) {
    it(`refuses ${JSON.stringify(id)}`, async () => {
      let requests = 0;
      server.app.server.on("request", () => {
        requests++;
      });
      const error = await client().updateThread(id, { status: "archived" } as UpdateThreadRequest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PuffleValidationError);
      expect((error as PuffleValidationError).field).toBe("id");
      expect(requests).toBe(0);
    });
  }

  it("(control) a valid id is counted by the same probe", async () => {
    let requests = 0;
    server.app.server.on("request", () => {
      requests++;
    });
    await client().updateThread(DRAFT_THREAD, { status: "archived" });
    expect(requests).toBe(1);
  });
});
