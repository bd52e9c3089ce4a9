// Table-driven boundary tests on both sides of every bound, enum, nullability and pattern, through
// the generated validators.
import { describe, expect, it } from "vitest";
import {
  validatePathParams,
  validateRequestBody,
  validateResponseBody,
  validateUpdateConversationRequest,
  validateUpdateConversationResponse,
  validateUpdateThreadRequest,
  validateUpdateThreadResponse,
  type OperationId,
} from "../../src/validators.js";
import { readJson } from "../helpers.js";
import { operations as meta } from "../../generated/meta.js";

/** The statuses an operation documents, as the validators' messages list them (read from the spec, so a new status is no reason to edit these tests). */
const documented = (op: OperationId) => meta[op].statuses.join(", ");

type Want = { valid: true } | { valid: false; path: string; keyword: string };
const ok: Want = { valid: true };
const bad = (path: string, keyword: string): Want => ({ valid: false, path, keyword });

function check(result: { valid: true } | { valid: false; errors: { path: string; keyword: string }[] }, want: Want) {
  if (want.valid) {
    expect(result).toMatchObject({ valid: true });
  } else {
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors).toContainEqual(expect.objectContaining({ path: want.path, keyword: want.keyword }));
  }
}

const BOTH: OperationId[] = ["updateConversation", "updateThread"];

describe.each(BOTH)("%s request body: shared fields", (operationId) => {
  const cases: [string, { given: unknown; want: Want }][] = [
    ["unread_count -1", { given: { unread_count: -1 }, want: bad("/unread_count", "minimum") }],
    ["unread_count 0", { given: { unread_count: 0 }, want: ok }],
    ["unread_count 1", { given: { unread_count: 1 }, want: ok }],
    ["unread_count 1.5", { given: { unread_count: 1.5 }, want: bad("/unread_count", "type") }],
    ["unread_count 2^53-1", { given: { unread_count: 9007199254740991 }, want: ok }],
    ["unread_count 2^53", { given: { unread_count: 9007199254740992 }, want: bad("/unread_count", "maximum") }],
    ['unread_count "3"', { given: { unread_count: "3" }, want: bad("/unread_count", "type") }],
    ["unread_count null", { given: { unread_count: null }, want: bad("/unread_count", "type") }],
    ["unread_count NaN-like Infinity (not JSON) ", { given: { unread_count: Infinity }, want: bad("/unread_count", "type") }],
    ["status active", { given: { status: "active" }, want: ok }],
    ["status archived", { given: { status: "archived" }, want: ok }],
    ["status draft (response-only)", { given: { status: "draft" }, want: bad("/status", "enum") }],
    ["status ACTIVE", { given: { status: "ACTIVE" }, want: bad("/status", "enum") }],
    ["status deleted", { given: { status: "deleted" }, want: bad("/status", "enum") }],
    ["status null", { given: { status: null }, want: bad("/status", "enum") }],
    ["both fields", { given: { status: "archived", unread_count: 0 }, want: ok }],
    ["empty object", { given: {}, want: bad("", "minProperties") }],
    ["unknown field", { given: { status: "active", archived: true }, want: bad("/archived", "additionalProperties") }],
    ["__proto__ key from JSON.parse", { given: JSON.parse('{"status":"active","__proto__":{"polluted":true}}'), want: bad("/__proto__", "additionalProperties") }],
    ["constructor key", { given: JSON.parse('{"status":"active","constructor":{"prototype":{"polluted":true}}}'), want: bad("/constructor", "additionalProperties") }],
    ["null body", { given: null, want: bad("", "type") }],
    ["array body", { given: [{ status: "active" }], want: bad("", "type") }],
    ["string body", { given: '{"status":"active"}', want: bad("", "type") }],
    ["number body", { given: 1, want: bad("", "type") }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    check(validateRequestBody(operationId, given), want);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("updateConversation request body: thread-only fields are unknown", () => {
  it.each(["account_id", "participant_email", "draft_subject", "draft_attachments"])("%s", (field) => {
    check(validateRequestBody("updateConversation", { [field]: null, status: "active" }), bad(`/${field}`, "additionalProperties"));
  });
});

describe("updateThread request body: thread fields", () => {
  const cases: [string, { given: unknown; want: Want }][] = [
    ["account_id uuid", { given: { account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11" }, want: ok }],
    ["account_id null clears", { given: { account_id: null }, want: ok }],
    ["account_id not a uuid", { given: { account_id: "acct_1" }, want: bad("/account_id", "format") }],
    ["account_id number", { given: { account_id: 7 }, want: bad("/account_id", "type") }],
    ["participant_email", { given: { participant_email: "founder@example.com" }, want: ok }],
    ["participant_email mixed case (lowercased on store)", { given: { participant_email: "Founder@Example.COM" }, want: ok }],
    ["participant_email not an email", { given: { participant_email: "founder" }, want: bad("/participant_email", "format") }],
    ["participant_email null", { given: { participant_email: null }, want: bad("/participant_email", "type") }],
    ["participant_name", { given: { participant_name: "Alex" }, want: ok }],
    ["participant_name empty string", { given: { participant_name: "" }, want: ok }],
    ["participant_name null", { given: { participant_name: null }, want: bad("/participant_name", "type") }],
    ...(["draft_subject", "draft_body_text", "draft_body_html", "draft_cc", "draft_bcc"] as const).flatMap((f): [string, { given: unknown; want: Want }][] => [
      [`${f} string`, { given: { [f]: "x" }, want: ok }],
      [`${f} null`, { given: { [f]: null }, want: ok }],
      [`${f} number`, { given: { [f]: 1 }, want: bad(`/${f}`, "type") }],
    ]),
    ["draft_attachments null", { given: { draft_attachments: null }, want: ok }],
    ["draft_attachments empty", { given: { draft_attachments: [] }, want: ok }],
    ["draft_attachments metadata objects", { given: { draft_attachments: [{ id: "a", filename: "deck.pdf" }, {}] }, want: ok }],
    ["draft_attachments a string item", { given: { draft_attachments: ["deck.pdf"] }, want: bad("/draft_attachments/0", "type") }],
    ["draft_attachments an object", { given: { draft_attachments: { id: "a" } }, want: bad("/draft_attachments", "type") }],
    ["the docs' request", { given: readJson<{ updateThread: { request: unknown } }>("test/fixtures/docs-examples.json").updateThread.request, want: ok }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => check(validateRequestBody("updateThread", given), want));
});

// A value that is no UUID at all is reported by its format ("must match format uuid"); one that
// is a UUID the docs' pattern excludes (version 0, variant c, …) by the pattern.
describe("path id: exactly the docs' pattern", () => {
  const cases: [string, { given: unknown; want: Want }][] = [
    ["the docs' conversation id", { given: "f11e8a2c-1234-4567-89ab-cdef01234567", want: ok }],
    ["the docs' thread id", { given: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", want: ok }],
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((v): [string, { given: unknown; want: Want }] => [`version ${v}`, { given: `f11e8a2c-1234-${v}567-89ab-cdef01234567`, want: ok }]),
    ["version 0", { given: "f11e8a2c-1234-0567-89ab-cdef01234567", want: bad("/id", "pattern") }],
    ["version 9", { given: "f11e8a2c-1234-9567-89ab-cdef01234567", want: bad("/id", "pattern") }],
    ...["8", "9", "a", "b", "A", "B"].map((n): [string, { given: unknown; want: Want }] => [`variant ${n}`, { given: `f11e8a2c-1234-4567-${n}9ab-cdef01234567`, want: ok }]),
    ["variant 7", { given: "f11e8a2c-1234-4567-79ab-cdef01234567", want: bad("/id", "pattern") }],
    ["variant c", { given: "f11e8a2c-1234-4567-c9ab-cdef01234567", want: bad("/id", "pattern") }],
    ["upper case", { given: "F11E8A2C-1234-4567-89AB-CDEF01234567", want: ok }],
    ["mixed case", { given: "f11E8a2C-1234-4567-89aB-cDef01234567", want: ok }],
    ["nil uuid", { given: "00000000-0000-0000-0000-000000000000", want: ok }],
    ["max uuid", { given: "ffffffff-ffff-ffff-ffff-ffffffffffff", want: ok }],
    ["max uuid upper case (the pattern lists it lower case only)", { given: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", want: bad("/id", "pattern") }],
    // The uuid format allows a urn:uuid: prefix; the docs' pattern does not.
    ["urn:uuid: prefix", { given: "urn:uuid:f11e8a2c-1234-4567-89ab-cdef01234567", want: bad("/id", "pattern") }],
    ["braces", { given: "{f11e8a2c-1234-4567-89ab-cdef01234567}", want: bad("/id", "format") }],
    ["no dashes", { given: "f11e8a2c1234456789abcdef01234567", want: bad("/id", "format") }],
    ["trailing newline", { given: "f11e8a2c-1234-4567-89ab-cdef01234567\n", want: bad("/id", "format") }],
    ["one digit short", { given: "f11e8a2c-1234-4567-89ab-cdef0123456", want: bad("/id", "format") }],
    ["empty", { given: "", want: bad("/id", "format") }],
    [".", { given: ".", want: bad("/id", "format") }],
    ["..", { given: "..", want: bad("/id", "format") }],
    ["a/b", { given: "a/b", want: bad("/id", "format") }],
    ["a number", { given: 1, want: bad("/id", "type") }],
    ["missing", { given: undefined, want: bad("/id", "required") }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    for (const op of BOTH) check(validatePathParams(op, given === undefined ? {} : { id: given }), want);
  });
  it("rejects unknown parameters", () => {
    check(validatePathParams("updateThread", { id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", extra: 1 }), bad("/extra", "additionalProperties"));
  });
});

describe("responses", () => {
  const docs = readJson<{ updateConversation: { response: { conversation: Record<string, unknown> } }; updateThread: { response: { thread: Record<string, unknown> } } }>("test/fixtures/docs-examples.json");
  const conversation = docs.updateConversation.response.conversation;
  const withConversation = (patch: Record<string, unknown>) => ({ conversation: { ...conversation, ...patch } });
  const without = (field: string) => {
    const { [field]: _dropped, ...rest } = conversation;
    return { conversation: rest };
  };
  const cases: [string, { given: unknown; want: Want }][] = [
    ["the docs' conversation", { given: docs.updateConversation.response, want: ok }],
    ["an extra column a server added", { given: withConversation({ sentiment: "positive" }), want: ok }],
    ...Object.keys(conversation).map((field): [string, { given: unknown; want: Want }] => [`without ${field}`, { given: without(field), want: bad(`/conversation/${field}`, "required") }]),
    ["status draft", { given: withConversation({ status: "draft" }), want: ok }],
    ["status deleted", { given: withConversation({ status: "deleted" }), want: bad("/conversation/status", "enum") }],
    ["channel email", { given: withConversation({ channel: "email", participant_linkedin_url: null, participant_email: "a@b.co" }), want: ok }],
    ["channel sms", { given: withConversation({ channel: "sms" }), want: bad("/conversation/channel", "enum") }],
    ["unread_count -1", { given: withConversation({ unread_count: -1 }), want: bad("/conversation/unread_count", "minimum") }],
    ["unread_count 2^53", { given: withConversation({ unread_count: 9007199254740992 }), want: bad("/conversation/unread_count", "maximum") }],
    ["account_id null", { given: withConversation({ account_id: null }), want: ok }],
    ["user_id null", { given: withConversation({ user_id: null }), want: bad("/conversation/user_id", "type") }],
    ["created_at not a date-time", { given: withConversation({ created_at: "2026-04-20" }), want: bad("/conversation/created_at", "format") }],
    ["created_at without zone", { given: withConversation({ created_at: "2026-04-20T15:00:00" }), want: bad("/conversation/created_at", "format") }],
    ["created_at with offset", { given: withConversation({ created_at: "2026-04-20T15:00:00+02:00" }), want: ok }],
    ["last_message_at null", { given: withConversation({ last_message_at: null }), want: ok }],
    ["participant_linkedin_url not a uri", { given: withConversation({ participant_linkedin_url: "linkedin.com/in/jane" }), want: bad("/conversation/participant_linkedin_url", "format") }],
    ["conversation missing", { given: {}, want: bad("/conversation", "required") }],
  ];
  it.each(cases)("updateConversation 200: %s", (_name, { given, want }) => check(validateResponseBody("updateConversation", 200, given), want));

  const thread = docs.updateThread.response.thread;
  const threadCases: [string, { given: unknown; want: Want }][] = [
    ["the docs' partial thread", { given: docs.updateThread.response, want: ok }],
    ["only id and status", { given: { thread: { id: thread.id, status: "archived" } }, want: ok }],
    ["without status", { given: { thread: { id: thread.id } }, want: bad("/thread/status", "required") }],
    ["without id", { given: { thread: { status: "draft" } }, want: bad("/thread/id", "required") }],
    ["thread missing", { given: {}, want: bad("/thread", "required") }],
    ["draft_attachments list", { given: { thread: { ...thread, draft_attachments: [{ id: "x" }] } }, want: ok }],
    ["draft_subject number", { given: { thread: { ...thread, draft_subject: 1 } }, want: bad("/thread/draft_subject", "type") }],
    ["a present column keeps its type", { given: { thread: { ...thread, unread_count: "3" } }, want: bad("/thread/unread_count", "type") }],
  ];
  it.each(threadCases)("updateThread 200: %s", (_name, { given, want }) => check(validateResponseBody("updateThread", "200", given), want));

  const problem = { type: "https://app.puffle.ai/problems/not-found", title: "Not found", status: 404 };
  const problemCases: [string, { status: number; given: unknown; want: Want }][] = [
    ["404 problem", { status: 404, given: problem, want: ok }],
    ["problem with extension members", { status: 404, given: { ...problem, trace: "abc" }, want: ok }],
    ["problem status 399", { status: 400, given: { ...problem, status: 399 }, want: bad("/status", "minimum") }],
    ["problem status 600", { status: 400, given: { ...problem, status: 600 }, want: bad("/status", "maximum") }],
    ["problem without title", { status: 401, given: { type: problem.type, status: 401 }, want: bad("/title", "required") }],
    ["400 errors entry without path", { status: 400, given: { ...problem, status: 400, errors: [{ keyword: "x", message: "y" }] }, want: bad("/errors/0/path", "required") }],
  ];
  it.each(problemCases)("updateConversation %s", (_name, { status, given, want }) => check(validateResponseBody("updateConversation", status, given), want));

  it("409 must carry existing_thread", () => {
    const conflict = { type: "https://app.puffle.ai/problems/duplicate-thread", title: "Duplicate thread", status: 409 };
    check(validateResponseBody("updateThread", 409, conflict), bad("/existing_thread", "required"));
    check(validateResponseBody("updateThread", 409, { ...conflict, existing_thread: { id: thread.id, status: "active" } }), ok);
  });
});

describe("misuse is a clear error, not a crash", () => {
  it("an undocumented status", () => {
    // A literal status documented for no operation named does not compile either (test/types/validators.test-d.ts).
    // @ts-expect-error 409 is not documented for updateConversation
    const result = validateResponseBody("updateConversation", 409, {});
    expect(result).toEqual({ valid: false, errors: [{ path: "", keyword: "status", message: expect.stringContaining(`409 is not documented for updateConversation (documented: ${documented("updateConversation")})`) }] });
    // @ts-expect-error 500 is not documented for updateThread
    expect(validateResponseBody("updateThread", 500, {}).valid).toBe(false);
  });
  it("a pattern that fails where the format passes is kept beside another field's format issue", () => {
    // Merging drops a pattern issue only where the same value also failed its format (a restatement).
    expect(validateRequestBody("updateThread", { account_id: "urn:uuid:3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", participant_email: "x" })).toEqual({
      valid: false,
      errors: [
        { path: "/account_id", keyword: "pattern", message: expect.stringContaining("must be a UUID as 8-4-4-4-12 hex digits") },
        { path: "/participant_email", keyword: "format", message: 'must match format "email"' },
      ],
    });
    expect(validateRequestBody("updateThread", { account_id: "not-a-uuid", participant_email: "x" })).toEqual({
      valid: false,
      errors: [
        { path: "/account_id", keyword: "format", message: 'must match format "uuid"' },
        { path: "/participant_email", keyword: "format", message: 'must match format "email"' },
      ],
    });
  });
  it("an operationId or a status whose own String() throws: reported, not thrown", () => {
    const hostile = { toString(): string { throw new Error("boom"); } };
    for (const result of [validateRequestBody(hostile as never, {}), validateResponseBody(hostile as never, 200, {}), validatePathParams(hostile as never, {})]) {
      expect(result).toEqual({ valid: false, errors: [{ path: "", keyword: "operationId", message: "unknown operationId (a value that cannot be converted to a string) (known: updateConversation, updateThread)" }] });
    }
    expect(validateResponseBody("updateThread", hostile as never, {})).toEqual({
      valid: false,
      errors: [{ path: "", keyword: "status", message: `status (a value that cannot be converted to a string) is not documented for updateThread (documented: ${documented("updateThread")})` }],
    });
  });
  // Found by test/property/hostile-inputs.test.ts: the operationId or status was quoted with JSON.stringify alone (a
  // line separator, C1 control or bidi override left as it is, a megabyte quoted whole) or String() (a Symbol's text).
  it.each([
    ["a line separator, C1 and bidi in a string", "a\u2028\u0085\u202eb", '"a\\u2028\\u0085\\u202eb"'],
    ["a megabyte string", "x".repeat(1_000_000), `"${"x".repeat(200)}…"`],
    ["a Symbol with a line break", Symbol("a\nb"), "Symbol(a\\u000ab)"],
    ["exactly 200 characters", "x".repeat(200), `"${"x".repeat(200)}"`],
    ["201 characters", "x".repeat(201), `"${"x".repeat(200)}…"`],
    ["an object whose String() is long", { toString: () => "y".repeat(300) }, `${"y".repeat(200)}…`],
  ])("an operationId or a status holding %s: quoted on one line, cut", (_name, given, quoted) => {
    for (const result of [validateRequestBody(given as never, {}), validateResponseBody(given as never, 200, {}), validatePathParams(given as never, {})]) {
      expect(result).toEqual({ valid: false, errors: [{ path: "", keyword: "operationId", message: `unknown operationId ${quoted} (known: updateConversation, updateThread)` }] });
    }
    expect(validateResponseBody("updateThread", given as never, {})).toEqual({
      valid: false,
      errors: [{ path: "", keyword: "status", message: `status ${quoted} is not documented for updateThread (documented: ${documented("updateThread")})` }],
    });
  });
  it.each(["deleteThread", "constructor", "__proto__", "toString", ""])("unknown operationId %j", (operationId) => {
    for (const result of [validateRequestBody(operationId, {}), validateResponseBody(operationId, 200, {}), validatePathParams(operationId, {})]) {
      expect(result).toEqual({ valid: false, errors: [{ path: "", keyword: "operationId", message: expect.stringContaining("known: updateConversation, updateThread") }] });
    }
  });
});

// Mutants of src/validators.ts's wrappers that passed every test: the issues of a path id or a
// response body not merged (a restated pattern listed beside its format), the per-operation
// request functions checking the other operation's schema, a status's String() run for an unknown
// operation.
describe("the validate* functions", () => {
  const uuidFormat = (path: string) => ({ path, keyword: "format", message: 'must match format "uuid"' });
  it("a path id or a response id that is no UUID: its format issue alone (the pattern only restates it)", () => {
    expect(validatePathParams("updateThread", { id: "x" })).toEqual({ valid: false, errors: [uuidFormat("/id")] });
    expect(validatePathParams("updateConversation", { id: "x" })).toEqual({ valid: false, errors: [uuidFormat("/id")] });
    const thread = { thread: { id: "x" } };
    const want = { valid: false, errors: [uuidFormat("/thread/id"), { path: "/thread/status", keyword: "required", message: "is required" }] };
    expect(validateResponseBody("updateThread", 200, thread)).toEqual(want);
    expect(validateUpdateThreadResponse(thread)).toEqual(want);
  });

  it.each<[string, (body: unknown) => unknown, OperationId]>([
    ["validateUpdateConversationRequest", validateUpdateConversationRequest, "updateConversation"],
    ["validateUpdateThreadRequest", validateUpdateThreadRequest, "updateThread"],
  ])("%s checks its own operation's schema", (_name, validate, operationId) => {
    for (const body of [{ draft_subject: "Hi" }, { status: "archived" }, { account_id: "x" }, {}]) {
      expect(validate(body)).toEqual(validateRequestBody(operationId, body));
    }
    expect((validate({ draft_subject: "Hi" }) as { valid: boolean }).valid).toBe(operationId === "updateThread");
  });

  it("validateUpdateConversationResponse checks updateConversation's 200", () => {
    expect(validateUpdateConversationResponse({ thread: {} })).toEqual(validateResponseBody("updateConversation", 200, { thread: {} }));
  });

  it("a status's String() is run for a known operation only", () => {
    let calls = 0;
    const status = { toString: () => { calls++; return "200"; } };
    // @ts-expect-error deleteThread is no operation (a literal id naming none does not compile either)
    expect(validateResponseBody("deleteThread", status as never, {})).toEqual({ valid: false, errors: [{ path: "", keyword: "operationId", message: 'unknown operationId "deleteThread" (known: updateConversation, updateThread)' }] });
    expect(calls).toBe(0);
    expect(validateResponseBody("updateThread", status as never, {}).valid).toBe(false);
    expect(calls).toBe(1);
  });
});
