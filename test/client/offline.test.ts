// The client with an injected fetch spy: nothing invalid leaves the process (bad path ids, invalid
// bodies under `validate: "request"`), options are checked, and a valid call reaches fetch once.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createPuffleClient,
  DEFAULT_BASE_URL,
  PuffleConfigError,
  PuffleValidationError,
  isDuplicateThreadError,
  PuffleApiError,
  PuffleAbortError,
} from "../../src/index.js";
import type { UpdateThreadRequest } from "../../src/index.js";
import { rejection } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const CONVERSATION_ID = "f11e8a2c-1234-4567-89ab-cdef01234567";

function okFetch(body: unknown = { thread: { id: THREAD_ID, status: "archived" } }, init: ResponseInit = { status: 200 }) {
  return vi.fn(async (_input: string | Request, _init?: RequestInit) => new Response(JSON.stringify(body), { ...init, headers: { "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) } }));
}

/** What a fetch spy was called with, as a `Request` (the methods call `fetch(url, init)`, the raw client `fetch(request)`). */
function sentRequest(call: [string | Request, RequestInit?] | undefined): Request {
  if (call === undefined) throw new Error("fetch was not called");
  return new Request(call[0], call[1]);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

// Each of these ids must be refused before any request: path traversal, empty, separators, non-UUIDs.
const BAD_IDS: readonly (readonly [string, unknown])[] = [
  ["dot-dot", ".."],
  ["dot", "."],
  ["empty", ""],
  ["slash", "a/b"],
  ["traversal after a UUID", `${THREAD_ID}/../x`],
  ["encoded dot-dot", "%2e%2e"],
  ["query smuggled in", `${THREAD_ID}?x=1`],
  ["not a UUID", "not-a-uuid"],
  ["one digit short", THREAD_ID.slice(0, -1)],
  ["trailing newline", `${THREAD_ID}\n`],
  ["surrounding spaces", ` ${THREAD_ID} `],
  ["braces", `{${THREAD_ID}}`],
  ["version nibble 0", "3d986dd1-9d70-05b7-8e36-5d5b8b1c9337"],
  ["a number", 123],
  ["null", null],
  ["undefined", undefined],
];

describe("a bad path id never leaves the process", () => {
  for (const [name, id] of BAD_IDS) {
    it(`updateThread refuses ${name} (${JSON.stringify(id)})`, async () => {
      const fetch = okFetch();
      const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
      const error = await rejection(client.updateThread(id as string, { status: "archived" }));
      expect(error).toBeInstanceOf(PuffleValidationError);
      const validation = error as PuffleValidationError;
      expect(validation.target).toBe("path");
      expect(validation.field).toBe("id");
      expect(validation.operationId).toBe("updateThread");
      expect(validation.message).toMatch(/^updateThread: path parameter: id (must be a UUID|must be string|is required)/);
      expect(fetch).not.toHaveBeenCalled();
    });

    it(`updateConversation and raw PATCH refuse ${name} (${JSON.stringify(id)})`, async () => {
      const fetch = okFetch();
      const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
      await expect(client.updateConversation(id as string, { status: "archived" })).rejects.toBeInstanceOf(PuffleValidationError);
      await expect(client.PATCH("/api/conversations/{id}", { params: { path: { id: id as string } }, body: { status: "archived" } })).rejects.toMatchObject({ target: "path", field: "id" });
      await expect(client.raw.PATCH("/api/threads/{id}", { params: { path: { id: id as string } }, body: { status: "archived" } })).rejects.toBeInstanceOf(PuffleValidationError);
      expect(fetch).not.toHaveBeenCalled();
    });
  }

  it("the message says what a valid id looks like and echoes the bad one", async () => {
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: okFetch() });
    const error = (await rejection(client.updateThread("a/b", { status: "archived" }))) as PuffleValidationError;
    expect(error.message).toBe('updateThread: path parameter: id must be a UUID such as 3d986dd1-9d70-45b7-8e36-5d5b8b1c9337, got "a/b"');
    // Each operation's own example id, from the spec: the conversation page's for conversations.
    const conversation = (await rejection(client.updateConversation("a/b", { status: "archived" }))) as PuffleValidationError;
    expect(conversation.message).toBe('updateConversation: path parameter: id must be a UUID such as f11e8a2c-1234-4567-89ab-cdef01234567, got "a/b"');
  });

  it("valid ids are sent, uppercase and the nil/max UUIDs included", async () => {
    const fetch = okFetch({ conversation: { id: CONVERSATION_ID } });
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    for (const id of [CONVERSATION_ID, CONVERSATION_ID.toUpperCase(), "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"]) {
      await client.updateConversation(id, { status: "active" });
    }
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(sentRequest(fetch.mock.calls[1]).url).toBe(`http://127.0.0.1:9/api/conversations/${CONVERSATION_ID.toUpperCase()}`);
  });
});

describe("validate: request", () => {
  it("is off by default: a lenient body is sent as it is (the API drops what it does not accept)", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    await client.updateThread(THREAD_ID, { status: "deleted" } as unknown as UpdateThreadRequest);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await sentRequest(fetch.mock.calls[0]).json()).toEqual({ status: "deleted" });
  });

  const INVALID: readonly (readonly [string, unknown, string])[] = [
    ["an enum value", { status: "deleted" }, "status"],
    ["a negative counter", { unread_count: -1 }, "unread_count"],
    ["a fractional counter", { unread_count: 1.5 }, "unread_count"],
    ["an unknown field", { staus: "archived" }, "staus"],
    ["a non-UUID account", { account_id: "acct_1" }, "account_id"],
    ["a bad email", { participant_email: "not an email" }, "participant_email"],
    ["attachments that are not objects", { draft_attachments: ["a"] }, "draft_attachments.0"],
    ["an empty body", {}, ""],
  ];
  for (const [name, body, field] of INVALID) {
    it(`refuses ${name} before sending, naming ${field || "the body"}`, async () => {
      const fetch = okFetch();
      const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "request" });
      const error = (await rejection(client.updateThread(THREAD_ID, body as UpdateThreadRequest))) as PuffleValidationError;
      expect(error).toBeInstanceOf(PuffleValidationError);
      expect(error.target).toBe("request");
      expect(error.field).toBe(field);
      expect(error.message).toContain(`updateThread: request body: ${field || "body"} `);
      expect(fetch).not.toHaveBeenCalled();
    });
  }

  it("words a nullable field's type issue in English: `account_id must be string or null`", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "request" });
    const error = (await rejection(client.updateThread(THREAD_ID, { account_id: 5 } as unknown as UpdateThreadRequest))) as PuffleValidationError;
    expect(error).toBeInstanceOf(PuffleValidationError);
    expect(error.message).toBe("updateThread: request body: account_id must be string or null");
    expect(error.issues).toEqual([{ path: "/account_id", keyword: "type", message: "must be string or null" }]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("applies to the raw client too", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "both" });
    await expect(client.PATCH("/api/conversations/{id}", { params: { path: { id: CONVERSATION_ID } }, body: { unread_count: -3 } })).rejects.toMatchObject({ target: "request", field: "unread_count" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("lets a valid body through", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "request" });
    await expect(client.updateThread(THREAD_ID, { account_id: null, draft_attachments: [{ name: "a.pdf" }] })).resolves.toEqual({ id: THREAD_ID, status: "archived" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("a body that cannot be sent as JSON (a plain-JS caller: the types rule these out)", () => {
  // JSON.stringify's bare TypeError ("Do not know how to serialize a BigInt") came out of the call,
  // naming no field; it is now a PuffleValidationError at the value, validate or not, nothing sent.
  const cyclic: Record<string, unknown> = { name: "a.pdf" };
  cyclic.self = cyclic;
  // A sparse array (a hole, sent as null) before the value: the walk named the array and said
  // "Cannot read properties of undefined (reading 'includes')".
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const sparse: unknown[] = [];
  sparse[1] = { name: "b.pdf", size: 2n };
  // Nested so deep that JSON.stringify runs out of stack (some thousands of levels): the walk after
  // it ran out too, and the issue said "Maximum call stack size exceeded" at a path thousands of
  // segments long, or "a value that cannot be converted to a string" (building that message ran out
  // as well). 200,000 levels is far past any stack.
  let deep: unknown = {};
  for (let i = 0; i < 200_000; i++) deep = { a: deep };
  const UNSENDABLE: [string, unknown, string, string][] = [
    ["a body nested 200,000 levels deep", { draft_attachments: [deep] }, "/draft_attachments", "cannot be sent as JSON (nested more than 1000 levels deep; the body is level 1)"],
    ["a BigInt", { unread_count: 5n }, "/unread_count", "is not a JSON value (a BigInt)"],
    ["a BigInt deep in draft_attachments", { draft_attachments: [{ name: "a.pdf", size: 10n }] }, "/draft_attachments/0/size", "is not a JSON value (a BigInt)"],
    ["a cycle", { draft_attachments: [cyclic] }, "/draft_attachments/0/self", "is not a JSON value (a cycle: it contains itself)"],
    ["a toJSON that throws", { draft_subject: { toJSON: () => { throw new Error("nope"); } } }, "/draft_subject", "cannot be sent as JSON (its toJSON threw: nope)"],
    ["a BigInt after a hole in a sparse array", { draft_attachments: sparse }, "/draft_attachments/1/size", "is not a JSON value (a BigInt)"],
    // JSON.stringify fails reading size, not its holder: the issue was at /draft_attachments/0.
    ["a getter that throws", { draft_attachments: [{ name: "a.pdf", get size(): number { throw new Error("gone"); } }] }, "/draft_attachments/0/size", "cannot be sent as JSON (reading it threw: gone)"],
    // A thrown value String() cannot convert: the call rejected with a bare TypeError from building the message.
    ["a toJSON that throws an object without a prototype", { draft_subject: { toJSON: () => { throw Object.create(null); } } }, "/draft_subject", "cannot be sent as JSON (its toJSON threw: a value that cannot be converted to a string)"],
    ["a getter that throws a revoked Proxy", { draft_attachments: [{ name: "a.pdf", get size(): number { throw revoked; } }] }, "/draft_attachments/0/size", "cannot be sent as JSON (reading it threw: a value that cannot be converted to a string)"],
    // JSON.stringify writes these as null (no error): `size: Infinity` was sent as `"size": null`, a
    // value the API stored, where normalizeRequestBody drops the field (and NaN as unread_count was the API's 400).
    ["Infinity deep in draft_attachments", { draft_attachments: [{ name: "a.pdf", size: Infinity }] }, "/draft_attachments/0/size", "is not a JSON value (Infinity: a number past ±1.7976931348623157e308, such as 1e400, which JSON.stringify sends as null)"],
    ["NaN as unread_count", { unread_count: NaN }, "/unread_count", "is not a JSON value (NaN, which JSON.stringify sends as null)"],
    // A Number object is unboxed by JSON.stringify (null again); the walk took it for an object with no keys.
    ["a Number object holding Infinity", { draft_attachments: [{ name: "a.pdf", size: new Number(Infinity) }] }, "/draft_attachments/0/size", "is not a JSON value (Infinity: a number past ±1.7976931348623157e308, such as 1e400, which JSON.stringify sends as null)"],
    ["-Infinity from a toJSON", { draft_subject: { toJSON: () => -Infinity } }, "/draft_subject", "is not a JSON value (-Infinity: a number past ±1.7976931348623157e308, such as 1e400, which JSON.stringify sends as null)"],
    // A function is an object to JSON.stringify: its toJSON is called (the walk took it for no object).
    ["NaN from a function's toJSON", { draft_subject: Object.assign(() => "x", { toJSON: () => NaN }) }, "/draft_subject", "is not a JSON value (NaN, which JSON.stringify sends as null)"],
    // The walk after JSON.stringify failed called no function's toJSON either: the issue was at "",
    // JSON.stringify's own message ("cannot be sent as JSON (Do not know how to serialize a BigInt)").
    ["a BigInt from a function's toJSON", { draft_attachments: [Object.assign(() => "x", { toJSON: () => 1n })] }, "/draft_attachments/0", "is not a JSON value (a BigInt)"],
    // A toJSON getter that throws (on an object or a function): the issue said only the thrown message, "cannot be sent as JSON (gone)".
    ["a toJSON getter that throws", { draft_subject: { get toJSON(): never { throw new Error("gone"); } } }, "/draft_subject", "cannot be sent as JSON (reading its toJSON threw: gone)"],
    ["a function's toJSON getter that throws", { draft_attachments: [Object.defineProperty(() => "x", "toJSON", { get() { throw new Error("gone"); } })] }, "/draft_attachments/0", "cannot be sent as JSON (reading its toJSON threw: gone)"],
    ["a function's toJSON that throws", { draft_subject: Object.assign(() => "x", { toJSON: () => { throw new Error("nope"); } }) }, "/draft_subject", "cannot be sent as JSON (its toJSON threw: nope)"],
    // JSON.stringify gives undefined for these (no error): the PATCH went out without a body.
    ["a Symbol as the body", Symbol("body"), "", "is not a JSON value (a symbol)"],
    ["a function as the body", () => ({ status: "archived" }), "", "is not a JSON value (a function)"],
    ["a body whose toJSON gives undefined", { toJSON: () => undefined }, "", "is not a JSON value (its toJSON gave undefined)"],
  ];
  const cases = UNSENDABLE.flatMap(([name, body, path, message]) =>
    (["none", "request"] as const).flatMap((validate) => (["method", "raw-headers", "PATCH", "raw.request"] as const).map((way) => [`${name}, validate ${validate}, ${way}`, body, path, message, validate, way] as const)),
  );
  it.each(cases)("%s", async (_name, body, path, message, validate, way) => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, ...(validate === "none" ? {} : { validate }) });
    // A header of the caller's own takes the client's other path (openapi-fetch's serializer).
    const options = way === "raw-headers" ? { headers: { "content-type": "application/json" } } : {};
    // The raw calls used openapi-fetch's serializer as it is: Infinity and NaN sent as null, a
    // BigInt's or a cycle's bare TypeError naming no member.
    const init = { params: { path: { id: THREAD_ID } }, body: body as UpdateThreadRequest };
    const sending =
      way === "PATCH" ? client.PATCH("/api/threads/{id}", init) : way === "raw.request" ? client.raw.request("patch", "/api/threads/{id}", init) : client.updateThread(THREAD_ID, body as UpdateThreadRequest, options);
    const error = (await rejection(sending)) as PuffleValidationError;
    expect(error).toBeInstanceOf(PuffleValidationError);
    expect(error.target).toBe("request");
    expect(error.issues).toEqual([{ path, keyword: "type", message }]);
    expect(fetch).not.toHaveBeenCalled();
  });
  // The walk for Infinity and NaN (a body whose JSON holds a null) runs after JSON.stringify has
  // written the body, so anything else it meets is its own: a getter that throws on its second read
  // (or the walk's stack running out on a body some thousands of levels deep, which JSON.stringify
  // writes) was a PuffleValidationError, "cannot be sent as JSON (…)", nothing sent. It is sent as written.
  it("a body JSON.stringify wrote is sent as written when the walk after it meets a read that throws", async () => {
    let reads = 0;
    const body = {
      draft_subject: null,
      draft_attachments: [
        {
          name: "a.pdf",
          get size(): number {
            reads += 1;
            if (reads === 2) throw new Error("second read");
            return 1;
          },
        },
      ],
    };
    for (const way of ["method", "raw-headers"] as const) {
      reads = 0;
      const fetch = okFetch();
      const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
      const options = way === "raw-headers" ? { headers: { "content-type": "application/json" } } : {};
      await client.updateThread(THREAD_ID, body as UpdateThreadRequest, options);
      expect(fetch, way).toHaveBeenCalledTimes(1);
      expect(await sentRequest(fetch.mock.calls[0]).json(), way).toEqual({ draft_subject: null, draft_attachments: [{ name: "a.pdf", size: 1 }] });
    }
  });

  it("a raw call's body is serialized as openapi-fetch's default otherwise: a form, a FormData, a bodySerializer of the caller's, a path of no operation", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    const params = { path: { id: THREAD_ID } };
    await client.PATCH("/api/threads/{id}", { params, body: { status: "archived" }, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(await sentRequest(fetch.mock.calls[0]).text()).toBe("status=archived");
    const form = new FormData();
    form.set("status", "archived");
    await client.PATCH("/api/threads/{id}", { params, body: form as never });
    expect((await sentRequest(fetch.mock.calls[1]).formData()).get("status")).toBe("archived");
    await client.PATCH("/api/threads/{id}", { params, body: { unread_count: Infinity } as never, bodySerializer: () => "{}" });
    expect(await sentRequest(fetch.mock.calls[2]).text()).toBe("{}");
    // A method the spec has no operation for is no operation's body: openapi-fetch's own serializer.
    await (client.raw.POST as unknown as (path: string, init: object) => Promise<unknown>)("/api/threads/{id}", { params, body: { size: Infinity } });
    expect(await sentRequest(fetch.mock.calls[3]).text()).toBe('{"size":null}');
    // And JSON as before.
    await client.PATCH("/api/threads/{id}", { params, body: { account_id: null, status: "archived" } });
    expect(await sentRequest(fetch.mock.calls[4]).text()).toBe('{"account_id":null,"status":"archived"}');
  });

  // The walk for Infinity and NaN stopped at level 1,000 (the body is level 1), where JSON.stringify
  // goes on to some thousands: a NaN deeper down was sent as null. It is refused as a BigInt there
  // is, with the depth issue named by the body's member; one level up it is named at its path.
  it("a NaN whose holder is past level 1,000 is refused with the depth issue, one at level 1,000 at its path", async () => {
    const nested = (levels: number, leaf: unknown) => {
      let body: unknown = leaf;
      for (let i = 0; i < levels; i++) body = { draft_subject: body };
      return body as UpdateThreadRequest;
    };
    for (const way of ["method", "raw-headers"] as const) {
      const options = way === "raw-headers" ? { headers: { "content-type": "application/json" } } : {};
      for (const [levels, leaf, issue] of [
        [1001, NaN, { path: "/draft_subject", keyword: "type", message: "cannot be sent as JSON (nested more than 1000 levels deep; the body is level 1)" }],
        [1500, -Infinity, { path: "/draft_subject", keyword: "type", message: "cannot be sent as JSON (nested more than 1000 levels deep; the body is level 1)" }],
        [1000, NaN, { path: "/draft_subject".repeat(1000), keyword: "type", message: "is not a JSON value (NaN, which JSON.stringify sends as null)" }],
      ] as const) {
        const fetch = okFetch();
        const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
        const error = (await rejection(client.updateThread(THREAD_ID, nested(levels, leaf), options))) as PuffleValidationError;
        expect(error, `${way}, ${levels}`).toBeInstanceOf(PuffleValidationError);
        expect(error.issues, `${way}, ${levels}`).toEqual([issue]);
        expect(fetch).not.toHaveBeenCalled();
      }
      // Without the NaN, the same depth is sent as JSON.stringify wrote it (validate off): the API's 400 is its to give.
      const fetch = okFetch();
      await createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch }).updateThread(THREAD_ID, nested(1500, null), options);
      expect(fetch, way).toHaveBeenCalledTimes(1);
    }
  });

  // The walk called every toJSON again; a Date's own (a string or null, never a number) is not.
  it("a Date in a body whose JSON holds a null is read once, as JSON.stringify reads it", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    let reads = 0;
    const at = new Date(0);
    // Date.prototype.toJSON reads the time value through valueOf (ToPrimitive), then calls toISOString.
    at.valueOf = () => {
      reads += 1;
      return 0;
    };
    await client.updateThread(THREAD_ID, { account_id: null, draft_subject: at } as unknown as UpdateThreadRequest);
    expect(reads).toBe(1);
    expect(await sentRequest(fetch.mock.calls[0]).json()).toEqual({ account_id: null, draft_subject: "1970-01-01T00:00:00.000Z" });
  });

  it("a getter that throws a value String() cannot convert once (JSON.stringify fails, the walk finds nothing): a PuffleValidationError, not a TypeError", async () => {
    for (const way of ["method", "raw-headers"] as const) {
      const fetch = okFetch();
      const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
      let reads = 0;
      const body = {
        get unread_count(): number {
          reads += 1;
          if (reads === 1) throw Object.create(null);
          return 1;
        },
      };
      const options = way === "raw-headers" ? { headers: { "content-type": "application/json" } } : {};
      const error = (await rejection(client.updateThread(THREAD_ID, body, options))) as PuffleValidationError;
      expect(error, way).toBeInstanceOf(PuffleValidationError);
      expect(error.issues).toEqual([{ path: "", keyword: "type", message: "cannot be sent as JSON (a value that cannot be converted to a string)" }]);
      expect(fetch).not.toHaveBeenCalled();
    }
  });
});

describe("options", () => {
  it("rejects an unknown validate mode and bad timeouts by name", () => {
    expect(() => createPuffleClient({ validate: "all" as "both" })).toThrow(new PuffleConfigError("validate", 'must be one of "request", "response", "both", got "all"'));
    for (const timeoutMs of [-1, 1.5, Number.NaN, Infinity, 2 ** 31]) {
      expect(() => createPuffleClient({ timeoutMs })).toThrow(PuffleConfigError);
    }
    expect(() => createPuffleClient({ timeoutMs: "5" as unknown as number })).toThrow(/timeoutMs must be an integer number of milliseconds/);
  });

  it("rejects a bad per-call timeout before sending", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    await expect(client.updateThread(THREAD_ID, { status: "archived" }, { timeoutMs: -5 })).rejects.toBeInstanceOf(PuffleConfigError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("keeps the earlier option checks and exports", () => {
    expect(DEFAULT_BASE_URL).toBe("https://app.puffle.ai");
    expect(() => createPuffleClient({ baseUrl: "ftp://x" })).toThrow(PuffleConfigError);
    expect(() => createPuffleClient({ apiKey: "has space" })).toThrow(/apiKey must be printable ASCII/);
  });

  it("reads PUFFLE_API_KEY and sends it as a bearer token to the spec's server by default", async () => {
    vi.stubEnv("PUFFLE_API_KEY", "puffle_test_bob");
    const fetch = okFetch();
    const client = createPuffleClient({ fetch });
    await client.updateThread(THREAD_ID, { status: "archived" });
    const request = sentRequest(fetch.mock.calls[0]);
    expect(request?.url).toBe(`https://app.puffle.ai/api/threads/${THREAD_ID}`);
    expect(request?.headers.get("authorization")).toBe("Bearer puffle_test_bob");
    expect(request?.method).toBe("PATCH");
  });

  it("an already-aborted signal sends nothing", async () => {
    const fetch = okFetch();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    await expect(client.updateThread(THREAD_ID, { status: "archived" }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(PuffleAbortError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("an injected fetch that ignores the signal still times out", async () => {
    const fetch = vi.fn((_input: string | Request, _init?: RequestInit) => new Promise<Response>(() => {}));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, timeoutMs: 50 });
    await expect(client.updateThread(THREAD_ID, { status: "archived" })).rejects.toMatchObject({ name: "PuffleTimeoutError", timeoutMs: 50 });
  });
});

describe("headers changed by the caller after they were given", () => {
  const body = { status: "archived" } as const;

  it("a client's: every request sends the headers as they were when the client was created, the raw client's too", async () => {
    const fetch = okFetch();
    const options = { baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, headers: { "x-list": ["a"], "x-one": "1" } };
    const client = createPuffleClient(options);
    // openapi-fetch merges the client's headers again on every call: it held the caller's array.
    options.headers["x-list"].push("b\r\nx-injected: 1");
    options.headers["x-one"] = "2";
    await client.updateThread(THREAD_ID, body);
    await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body });
    const noop = { onRequest: () => undefined };
    client.use(noop); // the methods then go through openapi-fetch
    await client.updateThread(THREAD_ID, body);
    client.eject(noop);
    expect(fetch).toHaveBeenCalledTimes(3);
    for (const call of fetch.mock.calls) {
      const request = sentRequest(call);
      expect([request.headers.get("x-list"), request.headers.get("x-one"), request.headers.get("x-injected")]).toEqual(["a", "1", null]);
    }
  });

  it("a call's: what was checked is what is sent, though the call waits for the validators before sending", async () => {
    // A fresh copy of the client module: its validators are not loaded yet, so `validate: "request"`
    // makes the call wait for them (a dynamic import) after its headers were checked.
    vi.resetModules();
    const fresh = await import("../../src/client.js");
    const fetch = okFetch();
    const client = fresh.createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "request" });
    const callOptions = { headers: { "x-call": "checked" as string, "x-list": ["a"] } };
    const pending = client.updateThread(THREAD_ID, body, callOptions);
    callOptions.headers["x-call"] = "bad\r\nx-injected: 1";
    callOptions.headers["x-list"].push("b");
    await pending;
    const request = sentRequest(fetch.mock.calls[0]);
    expect([request.headers.get("x-call"), request.headers.get("x-list"), request.headers.get("x-injected")]).toEqual(["checked", "a", null]);
  });
});

describe("409 duplicate recipient", () => {
  it("exposes existing_thread as existingThread and through isDuplicateThreadError", async () => {
    const existing = { id: "5b0c2d4e-6f70-4812-9a3b-4c5d6e7f8091", status: "active", channel: "email", participant_email: "founder@example.com" };
    const problem = { type: "https://app.puffle.ai/problems/duplicate-thread", title: "Duplicate thread", status: 409, existing_thread: existing };
    const fetch = vi.fn(async () => new Response(JSON.stringify(problem), { status: 409, headers: { "content-type": "application/problem+json", "x-request-id": "req_409" } }));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    const error = await rejection(client.updateThread(THREAD_ID, { account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11" }));
    expect(error).toBeInstanceOf(PuffleApiError);
    expect(isDuplicateThreadError(error)).toBe(true);
    if (!isDuplicateThreadError(error)) throw error;
    expect(error.existingThread).toEqual(existing);
    expect(error.problem.existing_thread.id).toBe(existing.id);
    expect(error.requestId).toBe("req_409");
    expect(error.hasStatus(409)).toBe(true);
    expect(error.hasStatus(404)).toBe(false);
    expect(isDuplicateThreadError(new Error("x"))).toBe(false);
  });
});
