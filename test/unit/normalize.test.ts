// normalizeRequestBody: the API's documented leniency, one test per documented rule.
import { describe, expect, it, vi } from "vitest";
import { operations as meta } from "../../generated/meta.js";
import { BodyDepthError, MAX_BODY_DEPTH, parseJsonBody } from "../../src/server/json.js";
import { problems } from "../../src/server/problems.js";
import { normalizeRequestBody, validateRequestBody, validateResponseBody } from "../../src/validators.js";

describe("normalizeRequestBody", () => {
  const cases: [string, { op: "updateConversation" | "updateThread"; given: unknown; want: unknown }][] = [
    ["a valid body is kept as it is", { op: "updateConversation", given: { status: "archived", unread_count: 3 }, want: { ok: true, body: { status: "archived", unread_count: 3 }, dropped: [] } }],
    ["an invalid status is silently dropped", { op: "updateConversation", given: { status: "deleted", unread_count: 0 }, want: { ok: true, body: { unread_count: 0 }, dropped: ["status"] } }],
    ["thread: other status values are ignored", { op: "updateThread", given: { status: "draft", draft_subject: "Hi" }, want: { ok: true, body: { draft_subject: "Hi" }, dropped: ["status"] } }],
    ["an out-of-range unread_count is dropped", { op: "updateConversation", given: { status: "active", unread_count: -1 }, want: { ok: true, body: { status: "active" }, dropped: ["unread_count"] } }],
    ["unknown fields are dropped", { op: "updateConversation", given: { status: "active", archived: true, draft_subject: "x" }, want: { ok: true, body: { status: "active" }, dropped: ["archived", "draft_subject"] } }],
    ["participant_email is stored lowercase", { op: "updateThread", given: { participant_email: "Founder@Example.COM" }, want: { ok: true, body: { participant_email: "founder@example.com" }, dropped: [] } }],
    ["account_id: null clears the sender (kept as null)", { op: "updateThread", given: { account_id: null }, want: { ok: true, body: { account_id: null }, dropped: [] } }],
    ["null draft fields are kept (they clear)", { op: "updateThread", given: { draft_subject: null, draft_attachments: null }, want: { ok: true, body: { draft_subject: null, draft_attachments: null }, dropped: [] } }],
    ["the docs' thread request is kept whole", {
      op: "updateThread",
      given: { account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11", participant_email: "founder@example.com", draft_subject: "Quick question", draft_body_text: "Hi Alex, I had a quick question." },
      want: { ok: true, body: { account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11", participant_email: "founder@example.com", draft_subject: "Quick question", draft_body_text: "Hi Alex, I had a quick question." }, dropped: [] },
    }],
  ];
  it.each(cases)("%s", (_name, { op, given, want }) => {
    const result = normalizeRequestBody(op, given);
    expect(result).toEqual(want);
    if (result.ok) expect(validateRequestBody(op, result.body).valid).toBe(true);
  });

  const rejected: [string, { op: "updateConversation" | "updateThread"; given: unknown; paths: string[] }][] = [
    ["{} is a 400", { op: "updateConversation", given: {}, paths: [""] }],
    ["thread {} is a 400", { op: "updateThread", given: {}, paths: [""] }],
    ["all-invalid is a 400", { op: "updateConversation", given: { status: "deleted", unread_count: -1 }, paths: ["/status", "/unread_count", ""] }],
    ["only unknown fields is a 400", { op: "updateThread", given: { foo: 1, __proto__x: 2 }, paths: ["/foo", "/__proto__x", ""] }],
    ["an invalid participant_email alone is a 400", { op: "updateThread", given: { participant_email: "not-an-email" }, paths: ["/participant_email", ""] }],
    ["null is a 400", { op: "updateConversation", given: null, paths: [""] }],
    ["an array is a 400", { op: "updateConversation", given: [{ status: "active" }], paths: [""] }],
    ["a string is a 400", { op: "updateThread", given: "status=active", paths: [""] }],
    ["a number is a 400", { op: "updateThread", given: 42, paths: [""] }],
  ];
  it.each(rejected)("%s", (_name, { op, given, paths }) => {
    const result = normalizeRequestBody(op, given);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status).toBe(400);
      expect(result.errors.map((e) => e.path)).toEqual(paths);
      for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
    }
  });

  it("the 400 says why each field was dropped and what is missing", () => {
    expect(normalizeRequestBody("updateConversation", { status: "deleted", unread_count: -1 })).toEqual({
      ok: false,
      status: 400,
      errors: [
        { path: "/status", keyword: "enum", message: 'must be one of "active", "archived"' },
        { path: "/unread_count", keyword: "minimum", message: "must be >= 0" },
        { path: "", keyword: "minProperties", message: "must have at least 1 valid field" },
      ],
    });
  });

  it("a 400 lists at most maxErrors (100) reasons, the last one why the body failed", () => {
    const body = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`unknown_${i}`, i]));
    const result = normalizeRequestBody("updateThread", body);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(100);
      expect(result.errors[0]).toEqual({ path: "/unknown_0", keyword: "additionalProperties", message: "is not a known field" });
      expect(result.errors[99]).toEqual({ path: "", keyword: "minProperties", message: "must have at least 1 valid field" });
      expect(validateResponseBody("updateThread", 400, { type: "https://app.puffle.ai/problems/invalid-request", title: "Invalid request", status: 400, errors: result.errors }).valid).toBe(true);
    }
    const justUnder = normalizeRequestBody("updateThread", Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`u${i}`, i])));
    expect(justUnder.ok === false && justUnder.errors.length).toBe(100);
    expect(validateResponseBody("updateThread", 400, { type: "x", title: "x", status: 400, errors: Array.from({ length: 101 }, () => ({ path: "", keyword: "k", message: "m" })) }).valid).toBe(false);
  });

  it("a field with 200,000 invalid items: the 400's first 99 issues, no RangeError; kept beside a valid field", () => {
    // Spreading the field's 200,001 issues into errors.push(...) threw RangeError (the server's 500).
    const items = Array.from({ length: 200_000 }, () => 1);
    const result = normalizeRequestBody("updateThread", { draft_attachments: items });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(100);
      expect(result.errors[0]).toEqual({ path: "/draft_attachments", keyword: "maxItems", message: "must NOT have more than 20 items" });
      expect(result.errors[98]).toEqual({ path: "/draft_attachments/97", keyword: "type", message: "must be object" });
      expect(result.errors[99]).toEqual({ path: "", keyword: "minProperties", message: "must have at least 1 valid field" });
    }
    expect(normalizeRequestBody("updateThread", { status: "active", draft_attachments: items })).toEqual({ ok: true, body: { status: "active" }, dropped: ["draft_attachments"] });
  });

  // After 99 unknown fields the 400 has room for no more field issues: whatever the last field's
  // fault (unknown, invalid, unreadable, cyclic), it lists 99 of them and then why the body failed.
  const fullThenOne = (last: string, define: (body: Record<string, unknown>) => void): [string, Record<string, unknown>] => {
    const body: Record<string, unknown> = Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`u${i}`, i]));
    define(body);
    return [last, body];
  };
  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  it.each([
    fullThenOne("an unknown field", (body) => { body.extra = 1; }),
    fullThenOne("an invalid value", (body) => { body.status = "deleted"; }),
    fullThenOne("a value whose getter throws", (body) => { Object.defineProperty(body, "status", { enumerable: true, get() { throw new Error("boom"); } }); }),
    fullThenOne("a value whose check throws", (body) => { body.draft_attachments = [new Proxy({}, { get() { throw new Error("boom"); }, ownKeys() { throw new Error("boom"); } })]; }),
    fullThenOne("a cyclic value", (body) => { body.draft_attachments = cyclic; }),
  ])("a 400 stays at maxErrors (100) when the last field dropped is %s", (_name, body) => {
    const result = normalizeRequestBody("updateThread", body);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(100);
      expect(result.errors[98]!.path).toBe("/u98");
      expect(result.errors[99]).toEqual({ path: "", keyword: "minProperties", message: "must have at least 1 valid field" });
    }
  });

  it("a name an object inherits (constructor, toString, hasOwnProperty) is an unknown field, not a field", () => {
    const given = { constructor: 1, toString: "x", hasOwnProperty: null, valueOf: [] };
    expect(normalizeRequestBody("updateThread", given)).toEqual({
      ok: false,
      status: 400,
      errors: [
        ...Object.keys(given).map((key) => ({ path: `/${key}`, keyword: "additionalProperties", message: "is not a known field" })),
        { path: "", keyword: "minProperties", message: "must have at least 1 valid field" },
      ],
    });
  });

  it("merges a field's issues only as far as the 400 lists them (not 200,000 to keep 99)", () => {
    const items = Array.from({ length: 200_000 }, () => 1);
    // Merging (each issue once) files every issue it reads in a Set: count those reads.
    const add = vi.spyOn(Set.prototype, "add");
    try {
      const failed = normalizeRequestBody("updateThread", { draft_attachments: items });
      expect(failed.ok === false && failed.errors.length).toBe(100);
      expect(add.mock.calls.length).toBeLessThanOrEqual(100);
      add.mockClear();
      // Beside a valid field no issue is listed: none is merged.
      expect(normalizeRequestBody("updateThread", { status: "active", draft_attachments: items }).ok).toBe(true);
      expect(add.mock.calls.length).toBeLessThanOrEqual(100);
    } finally {
      add.mockRestore();
    }
  });

  it("__proto__ and constructor keys from JSON.parse never reach a prototype", () => {
    const given = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"status":"archived"}');
    const result = normalizeRequestBody("updateThread", given);
    expect(result).toEqual({ ok: true, body: { status: "archived" }, dropped: ["__proto__", "constructor"] });
    if (result.ok) {
      expect(Object.getPrototypeOf(result.body)).toBe(Object.prototype);
      expect(Object.keys(result.body)).toEqual(["status"]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("is idempotent and never mutates its input", () => {
    const given = { status: "nope", participant_email: "A@B.CO", junk: 1 };
    const snapshot = structuredClone(given);
    const once = normalizeRequestBody("updateThread", given);
    expect(given).toEqual(snapshot);
    expect(once.ok).toBe(true);
    if (once.ok) expect(normalizeRequestBody("updateThread", once.body)).toEqual({ ok: true, body: once.body, dropped: [] });
  });

  it("an unknown operation is a 400 naming the operationId", () => {
    // @ts-expect-error deleteThread is no operation (a literal id naming none does not compile either: test/types/validators.test-d.ts)
    expect(normalizeRequestBody("deleteThread", { status: "active" })).toEqual({
      ok: false,
      status: 400,
      errors: [{ path: "", keyword: "operationId", message: 'unknown operationId "deleteThread" (known: updateConversation, updateThread)' }],
    });
  });
});

describe("normalizeRequestBody: keys that reach a prototype are left out of the values kept, as the API drops them", () => {
  // draft_attachments' items allow members of their own, which no field validator looks at: a
  // `__proto__` or `constructor.prototype` in them came out of the normalizer as it went in, and a
  // caller that merged the result into a record naively (a deep merge) had its prototypes patched.
  const poisoned = () =>
    JSON.parse('{"status":"active","draft_attachments":[{"__proto__":{"polluted":1},"name":"a.pdf","url":"https://example.com/a.pdf","meta":{"constructor":{"prototype":{"polluted":1}},"deep":[{"__proto__":{"x":1}}]}},{"name":"b.pdf","url":"https://example.com/b.pdf","constructor":"Acme"}]}') as unknown;

  it("removes __proto__ and constructor-with-prototype at any depth; an ordinary constructor member stays", () => {
    const result = normalizeRequestBody("updateThread", poisoned());
    expect(result).toEqual({
      ok: true,
      dropped: [],
      body: {
        status: "active",
        draft_attachments: [
          { name: "a.pdf", url: "https://example.com/a.pdf", meta: { deep: [{}] } },
          { name: "b.pdf", url: "https://example.com/b.pdf", constructor: "Acme" },
        ] as unknown[],
      },
    });
    const json = JSON.stringify(result);
    expect(json).not.toContain("__proto__");
    expect(json).not.toContain("prototype");
  });


  it("a cyclic value is dropped as no JSON value, without throwing", () => {
    const item: Record<string, unknown> = { name: "a.pdf", url: "https://example.com/a.pdf" };
    item.self = item;
    const result = normalizeRequestBody("updateThread", { status: "active", draft_attachments: [item] });
    expect(result.ok && result.body).toEqual({ status: "active" });
    expect(result.ok && result.dropped).toEqual(["draft_attachments"]);
  });
});

describe("normalizeRequestBody: a number JSON cannot carry", () => {
  // The API parsed `1e400` in draft_attachments as Infinity, kept it, and answered 200 with `null`
  // there (JSON.stringify's Infinity); a caller's NaN was kept the same way.
  it.each([
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
  ])("%s in a kept value is dropped as no JSON value, naming where", (number, name) => {
    const message = `is not a JSON value (${name}: a number past ±1.7976931348623157e308, such as 1e400, which JSON.stringify sends as null)`;
    const attachments = [{ name: "a.pdf" }, { name: "b.pdf", meta: { sizes: [1, number] } }];
    expect(normalizeRequestBody("updateThread", { status: "active", draft_attachments: attachments })).toEqual({ ok: true, body: { status: "active" }, dropped: ["draft_attachments"] });
    expect(normalizeRequestBody("updateThread", { draft_attachments: attachments })).toEqual({
      ok: false,
      status: 400,
      errors: [{ path: "/draft_attachments/1/meta/sizes/1", keyword: "type", message }, { path: "", keyword: "minProperties", message: "must have at least 1 valid field" }],
    });
    // What `1e400` in the JSON text reads as.
    expect(normalizeRequestBody("updateThread", JSON.parse(`{"draft_attachments":[{"size":${number > 0 ? "" : "-"}1e400}]}`))).toMatchObject({ ok: false, errors: [{ path: "/draft_attachments/0/size", message }, { keyword: "minProperties" }] });
  });

  it("NaN is named as NaN; finite numbers at the edges (1e308, -0, 1e-400) are kept", () => {
    expect(normalizeRequestBody("updateThread", { draft_attachments: [{ size: NaN }] })).toMatchObject({
      ok: false,
      errors: [{ path: "/draft_attachments/0/size", keyword: "type", message: "is not a JSON value (NaN, which JSON.stringify sends as null)" }, { keyword: "minProperties" }],
    });
    expect(normalizeRequestBody("updateThread", JSON.parse('{"draft_attachments":[{"a":1e308,"b":-0,"c":1e-400}]}'))).toEqual({ ok: true, body: { draft_attachments: [{ a: 1e308, b: -0, c: 0 }] }, dropped: [] });
  });

  it("a value nested too deep is still the maxDepth 400, whatever number it holds", () => {
    let deep: unknown = [Infinity];
    for (let i = 0; i < 70; i++) deep = [deep];
    expect(normalizeRequestBody("updateThread", { draft_attachments: [{ size: Infinity, deep }] })).toMatchObject({ ok: false, errors: [{ keyword: "maxDepth" }] });
  });
});

describe("normalizeRequestBody: the body it keeps shares nothing with its input", () => {
  it("an object met twice in a kept value (no cycle) is kept in both places, as JSON.stringify sends it", () => {
    const meta = { tags: ["x"] };
    const given = { draft_attachments: [{ name: "a.pdf", url: "https://example.com/a.pdf", meta }, { name: "b.pdf", url: "https://example.com/b.pdf", meta }] };
    expect(normalizeRequestBody("updateThread", given)).toEqual({ ok: true, body: JSON.parse(JSON.stringify(given)), dropped: [] });
  });

  // draft_attachments (an array of objects) came out as the input's own array when it held no
  // poisoning key: a caller that changed the result changed its input, and the other way round.
  const attachments = () => [
    { name: "a.pdf", url: "https://example.com/a.pdf", meta: { constructor: "Acme", tags: ["x", { deep: 1 }] } },
    { name: "b.pdf", url: "https://example.com/b.pdf" },
  ];
  const bodies: [string, () => { status: string; draft_attachments: unknown[] }][] = [
    ["a clean body", () => ({ status: "active", draft_attachments: attachments() })],
    ["a body with a poisoning key (copied before)", () => ({ status: "active", draft_attachments: [...attachments(), JSON.parse('{"__proto__":{"x":1},"name":"c"}') as unknown] })],
  ];

  it.each(bodies)("%s: changing the result leaves the input as it was", (_name, make) => {
    const given = make();
    const snapshot = structuredClone(given);
    const result = normalizeRequestBody("updateThread", given);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const kept = result.body.draft_attachments as { meta?: { tags: [string, { deep: number }] }; name?: string }[];
    kept[0]!.meta!.tags[1]!.deep = 2;
    kept[0]!.meta!.tags.push("y");
    kept[1]!.name = "changed.pdf";
    kept.push({ name: "z.pdf" });
    expect(given).toEqual(snapshot);
  });

  it.each(bodies)("%s: changing the input afterwards leaves the result as it was", (_name, make) => {
    const given = make();
    const result = normalizeRequestBody("updateThread", given);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const snapshot = structuredClone(result.body);
    const items = given.draft_attachments as { meta: { tags: [string, { deep: number }] }; name: string }[];
    items[0]!.meta.tags[1]!.deep = 2;
    items[0]!.meta.tags.push("y");
    items[1]!.name = "changed.pdf";
    items.push({ name: "z.pdf" } as never);
    expect(result.body).toEqual(snapshot);
  });

  it("is still the same value: a copy equal to the input, as plain objects and arrays", () => {
    const given = { draft_attachments: attachments() };
    const result = normalizeRequestBody("updateThread", given);
    expect(result).toEqual({ ok: true, body: given, dropped: [] });
    if (result.ok) {
      expect(result.body.draft_attachments).not.toBe(given.draft_attachments);
      expect(Array.isArray(result.body.draft_attachments)).toBe(true);
      expect(Object.getPrototypeOf(result.body.draft_attachments![0])).toBe(Object.prototype);
    }
  });
});

describe("normalizeRequestBody: a member holding undefined is absent, as JSON.stringify sends it (the client, the wire)", () => {
  // A body built in JS (`{ status: input.status }`) may hold undefined. normalize reported
  // `/status must be string` for `{ status: undefined }` and listed such members in `dropped`,
  // where the API, which is sent the body without them, sees and drops nothing.
  const bodies: [string, "updateConversation" | "updateThread", Record<string, unknown>][] = [
    ["{ status: undefined }", "updateConversation", { status: undefined }],
    ["every field undefined", "updateThread", { status: undefined, draft_subject: undefined, account_id: undefined }],
    ["a valid field and an undefined one", "updateConversation", { status: "archived", unread_count: undefined }],
    ["an undefined one first", "updateThread", { draft_subject: undefined, participant_email: "A@B.CO" }],
    ["an unknown member holding undefined", "updateThread", { status: "active", bogus: undefined }],
    ["only an unknown member holding undefined", "updateThread", { bogus: undefined }],
  ];

  it.each(bodies)("%s: the answer for the body sent", (_name, op, body) => {
    const sent = JSON.parse(JSON.stringify(body)) as unknown;
    expect(normalizeRequestBody(op, body)).toEqual(normalizeRequestBody(op, sent));
  });

  it("validateRequestBody checks the value as given, as AJV does (documented): such a member counts toward minProperties", () => {
    expect(validateRequestBody("updateConversation", { status: undefined }).valid).toBe(true);
    expect(validateRequestBody("updateConversation", JSON.parse(JSON.stringify({ status: undefined }))).valid).toBe(false);
  });
});

describe("normalizeRequestBody: a body nested deeper than the API parses is its 400, as the API answers it", () => {
  // The API reads at most x-puffle-behaviour.maxBodyDepth (64) levels: a deeper body is a 400
  // `maxDepth` at the first value past the limit, whatever field holds it. normalize walked kept
  // values to 256 levels and the others not at all, so it said ok for a body the API refuses.
  const nest = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
  const texts: [string, "updateConversation" | "updateThread", string][] = [
    ["draft_attachments at the limit (64 levels)", "updateThread", `{"draft_attachments": [{"a": ${nest(61)}}]}`],
    ["draft_attachments one level past it", "updateThread", `{"draft_attachments": [{"a": ${nest(62)}}]}`],
    ["draft_attachments far past it", "updateThread", `{"status": "active", "draft_attachments": [{"name": "x", "a": ${nest(500)}}]}`],
    ["an unknown field past it", "updateConversation", `{"status": "active", "extra": {"x": ${nest(100)}}}`],
    ["an unknown field at the limit", "updateConversation", `{"status": "active", "extra": ${nest(63)}}`],
    ["an invalid value past it", "updateConversation", `{"unread_count": 1, "status": ${nest(70)}}`],
    ["two values past it: the first in key order", "updateThread", `{"b": ${nest(80)}, "draft_attachments": [{"a": ${nest(90)}}]}`],
    ["past it under a __proto__ key, which the API drops, but not before its depth is checked", "updateThread", `{"draft_attachments": [{"name": "x", "__proto__": ${nest(90)}}]}`],
    // The API parses the whole body before it looks at its type: an array body past the limit is its maxDepth 400 too.
    ["an array body past it", "updateThread", nest(70)],
    ["an array body at the limit", "updateConversation", `[${nest(63)}, 1]`],
    // Only objects and arrays count toward the depth: a scalar inside the deepest object allowed is no level past it.
    ["an unknown field: a scalar in an object at the limit", "updateConversation", `{"status": "active", "extra": ${"[".repeat(62)}{"k": 1}${"]".repeat(62)}}`],
    ["an unknown field holding objects, within the limit", "updateConversation", `{"status": "active", "extra": {"a": {"b": [1, {"c": null}]}, "d": {}}}`],
    ["an invalid value holding objects, within the limit", "updateConversation", `{"unread_count": 1, "status": {"a": {"b": 1}}}`],
    ["past it under an unknown field's __proto__ key, which the API drops, but not before its depth is checked", "updateConversation", `{"status": "active", "extra": {"a": 1, "__proto__": ${nest(90)}}}`],
  ];

  /** The API's verdict on a JSON text: the reference server's parse (depth), then normalize. */
  const api = (op: "updateConversation" | "updateThread", text: string) => {
    try {
      return normalizeRequestBody(op, parseJsonBody(text));
    } catch (error) {
      if (!(error instanceof BodyDepthError)) throw error;
      return { ok: false, status: 400, errors: problems.tooDeep(error.pointer).errors };
    }
  };

  it.each(texts)("%s", (_name, op, text) => {
    expect(normalizeRequestBody(op, JSON.parse(text))).toEqual(api(op, text));
  });

  // The rows above hold normalize to itself behind the server's parse; at the limit it must accept.
  it.each(texts.filter(([name]) => name.endsWith("at the limit") || name.endsWith("(64 levels)") || name.endsWith("within the limit")))("%s: accepted as far as depth goes", (_name, op, text) => {
    const result = normalizeRequestBody(op, JSON.parse(text));
    expect(result.ok ? [] : result.errors.filter((e) => e.keyword === "maxDepth")).toEqual([]);
  });

  it("the limit is the spec's maxBodyDepth for every operation", () => {
    for (const op of ["updateConversation", "updateThread"] as const) {
      expect(meta[op].behaviour.maxBodyDepth).toBe(MAX_BODY_DEPTH);
      const at = (levels: number) => normalizeRequestBody(op, { status: "active", extra: JSON.parse(nest(levels)) as unknown });
      expect(at(MAX_BODY_DEPTH - 1).ok).toBe(true);
      expect(at(MAX_BODY_DEPTH)).toMatchObject({ ok: false, status: 400, errors: [{ keyword: "maxDepth" }] });
    }
  });

  it("an object met twice (no cycle) is checked where it is met each time: the deeper place can be past it", () => {
    const shared = JSON.parse(nest(40)) as unknown;
    let deeper: unknown = shared;
    for (let i = 0; i < 30; i++) deeper = [deeper];
    const given = { status: "active", extra: [shared, deeper] };
    expect(normalizeRequestBody("updateConversation", given)).toEqual(api("updateConversation", JSON.stringify(given)));
    expect(normalizeRequestBody("updateConversation", given)).toMatchObject({ ok: false, errors: [{ keyword: "maxDepth", path: `/extra/1${"/0".repeat(62)}` }] });
  });

  // The limit is the body's, whatever the key: a top-level __proto__ (or constructor holding a
  // prototype) past it was dropped unread, ok, where the same value under any other key was the
  // maxDepth 400 (and the reference server answered it 200). Within it, still dropped and named.
  it("a top-level __proto__ or constructor.prototype past it is the maxDepth 400, as any other key's", () => {
    for (const key of ["__proto__", "constructor", "extra"]) {
      const deep = key === "constructor" ? `{"prototype": ${nest(90)}}` : nest(90);
      const text = `{"status": "active", "${key}": ${deep}}`;
      const inside = key === "constructor" ? "/prototype" : "";
      expect(normalizeRequestBody("updateConversation", JSON.parse(text)), key).toEqual({
        ok: false,
        status: 400,
        errors: [{ path: `/${key}${inside}${"/0".repeat(key === "constructor" ? 62 : 63)}`, keyword: "maxDepth", message: "must not be nested more than 64 levels deep" }],
      });
      expect(normalizeRequestBody("updateConversation", JSON.parse(text)), key).toEqual(api("updateConversation", text));
      const shallow = key === "constructor" ? '{"prototype": [[1]]}' : "[[1]]";
      expect(normalizeRequestBody("updateConversation", JSON.parse(`{"status": "active", "${key}": ${shallow}}`)), key).toEqual({ ok: true, body: { status: "active" }, dropped: [key] });
    }
  });

  it("a cycle is still dropped as no JSON value (not reported as too deep)", () => {
    const item: Record<string, unknown> = { name: "a.pdf" };
    item.self = item;
    // In an unknown field or an invalid value too: a cycle is not followed, so it is never "too deep".
    const loop: Record<string, unknown> = { a: [1] };
    loop.self = loop;
    expect(normalizeRequestBody("updateThread", { status: "active", extra: loop })).toEqual({ ok: true, body: { status: "active" }, dropped: ["extra"] });
    expect(normalizeRequestBody("updateThread", { unread_count: 1, status: loop })).toEqual({ ok: true, body: { unread_count: 1 }, dropped: ["status"] });
    expect(normalizeRequestBody("updateThread", { status: "active", extra: [loop, loop] })).toEqual({ ok: true, body: { status: "active" }, dropped: ["extra"] });
    expect(normalizeRequestBody("updateThread", { status: "active", draft_attachments: [item] })).toMatchObject({ ok: true, dropped: ["draft_attachments"] });
    // Its issue names no depth among the causes: a value past the limit is the maxDepth 400, never this.
    expect(normalizeRequestBody("updateThread", { draft_attachments: [item] })).toMatchObject({
      ok: false,
      errors: [{ path: "/draft_attachments", keyword: "type", message: "is not a JSON value (cyclic or unreadable)" }, { keyword: "minProperties" }],
    });
  });
});

describe("normalizeRequestBody: a body that is no object names what it is", () => {
  it.each([
    [null, "null"],
    [[], "an array"],
    [[{ status: "active" }], "an array"],
    ["active", "string"],
    [3, "number"],
    [undefined, "no body"],
  ])("%j: got %s", (body, got) => {
    expect(normalizeRequestBody("updateThread", body)).toEqual({ ok: false, status: 400, errors: [{ path: "", keyword: "type", message: `must be object (got ${got})` }] });
  });
});
