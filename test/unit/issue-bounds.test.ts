// How many issues a validator keeps: at most MAX_ISSUES (scripts/lib/validators.mjs), whatever the
// value; past it a fault is still counted (the verdict is AJV's) but not listed. A list as long as
// the value's faults made a 16 MiB response of `[1,1,…]` where objects are due 8 million error
// objects (1.6 GB), also in the client's default check of an error body (validateProblem).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { createPuffleClient, PuffleApiError, PuffleValidationError } from "../../src/index.js";
import { MAX_ISSUES as ERRORS_MAX_ISSUES } from "../../src/errors.js";
import { schemas, validateRequestBody, validateResponseBody } from "../../src/validators.js";

const { MAX_ISSUES } = (await import(path.join(root, "scripts/lib/validators.mjs"))) as { MAX_ISSUES: number };

const THREAD = {
  id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", user_id: "11111111-1111-1111-1111-111111111111", account_id: null,
  channel: "email", status: "draft", external_id: null, participant_name: "Alex", participant_email: null,
  participant_linkedin_url: null, last_message_at: null, unread_count: 0, created_at: "2026-04-20T15:00:00Z",
  updated_at: "2026-04-22T10:00:00Z", draft_subject: null, draft_body_text: null, draft_body_html: null,
  draft_cc: null, draft_bcc: null, draft_attachments: null,
};
const MANY = 200_000;
const ints = (n: number) => Array.from({ length: n }, () => 1);
const problem = (errors: unknown[]) => ({ type: "https://app.puffle.ai/problems/invalid-request", title: "Invalid request", status: 400, errors });

describe(`a validator keeps at most MAX_ISSUES (${MAX_ISSUES}) issues`, () => {
  it("the operations' validators: the first ones, in AJV's order; the verdict unchanged", () => {
    const request = validateRequestBody("updateThread", { draft_attachments: ints(MANY) });
    expect(request.valid).toBe(false);
    if (!request.valid) {
      expect(request.errors).toHaveLength(MAX_ISSUES);
      expect(request.errors.slice(0, 2).map((e) => e.path)).toEqual(["/draft_attachments", "/draft_attachments/0"]);
      expect(request.errors.at(-1)?.path).toBe(`/draft_attachments/${MAX_ISSUES - 2}`);
    }
    const response = validateResponseBody("updateThread", 200, { thread: { ...THREAD, draft_attachments: ints(MANY) } });
    expect(response.valid === false && response.errors.length).toBe(MAX_ISSUES);
    expect(response.valid === false && response.errors.at(-1)?.path).toBe(`/thread/draft_attachments/${MAX_ISSUES - 1}`);
    // Fewer faults than that: every one, as before.
    const few = validateResponseBody("updateThread", 200, { thread: { ...THREAD, draft_attachments: ints(MAX_ISSUES - 1) } });
    expect(few.valid === false && few.errors.length).toBe(MAX_ISSUES - 1);
    // A callee's issues after the caller's own: cut to the room left (prefixed), MAX_ISSUES in all.
    const duplicate = validateResponseBody("updateThread", 409, { ...problem([]), title: 1, status: 409, existing_thread: { ...THREAD, draft_attachments: ints(MANY) } });
    expect(duplicate.valid === false && duplicate.errors.length).toBe(MAX_ISSUES);
    expect(duplicate.valid === false && duplicate.errors.slice(0, 2).map((e) => e.path)).toEqual(["/title", "/existing_thread/draft_attachments/0"]);
    expect(duplicate.valid === false && duplicate.errors.at(-1)?.path).toBe(`/existing_thread/draft_attachments/${MAX_ISSUES - 2}`);
    // Many items, none faulty: valid.
    expect(validateResponseBody("updateThread", 200, { thread: { ...THREAD, draft_attachments: Array.from({ length: MANY }, () => ({})) } }).valid).toBe(true);
  });

  it("the component validators (schemas): AJV's first error objects; the verdict unchanged", () => {
    expect(schemas.Problem(problem(ints(MANY)))).toBe(false);
    expect(schemas.Problem.errors).toHaveLength(MAX_ISSUES);
    expect(schemas.Problem.errors?.[0]).toMatchObject({ instancePath: "/errors", keyword: "maxItems" });
    expect(schemas.DuplicateThreadProblem({ ...problem([]), status: 409, existing_thread: { ...THREAD, draft_attachments: ints(MANY) } })).toBe(false);
    expect(schemas.DuplicateThreadProblem.errors).toHaveLength(MAX_ISSUES);
    expect(schemas.Problem(problem(ints(3)))).toBe(false);
    expect(schemas.Problem.errors).toHaveLength(3);
    expect(schemas.Problem(problem([{ path: "", keyword: "k", message: "m" }]))).toBe(true);
  });

  it("the client's check of an error body (no validate option) keeps no more", async () => {
    const text = JSON.stringify(problem(ints(MANY)));
    const fetch = async () => new Response(text, { status: 400, headers: { "content-type": "application/problem+json" } });
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, maxRetries: 0 });
    const error: unknown = await client.updateThread(THREAD.id, { status: "active" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PuffleApiError);
    expect((error as PuffleApiError).problem).toBeUndefined();
    expect(schemas.Problem.errors).toHaveLength(MAX_ISSUES);
  });

  it("the client's validate: \"response\" lists the first ones and counts them in its message", async () => {
    const text = JSON.stringify({ thread: { ...THREAD, draft_attachments: ints(MANY) } });
    const fetch = async () => new Response(text, { status: 200, headers: { "content-type": "application/json" } });
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "response" });
    const error: unknown = await client.updateThread(THREAD.id, { status: "active" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PuffleValidationError);
    expect((error as PuffleValidationError).issues).toHaveLength(MAX_ISSUES);
    // The list was cut: the faults beyond the first are not 999 but 199,999, so the message says "at least".
    expect((error as PuffleValidationError).message).toContain(`(and at least ${MAX_ISSUES - 1} more)`);
    // A list shorter than the bound is whole: its count is exact.
    const few = JSON.stringify({ thread: { ...THREAD, draft_attachments: ints(MAX_ISSUES - 1) } });
    const exact = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: async () => new Response(few, { status: 200, headers: { "content-type": "application/json" } }), validate: "response" });
    const fewError: unknown = await exact.updateThread(THREAD.id, { status: "active" }).catch((e: unknown) => e);
    expect((fewError as PuffleValidationError).message).toMatch(new RegExp(`\\(and ${MAX_ISSUES - 2} more\\)$`));
  });

  it("the client's and the CLI's messages know the bound (src/errors.ts MAX_ISSUES is the generator's)", () => {
    expect(ERRORS_MAX_ISSUES).toBe(MAX_ISSUES);
  });
});
