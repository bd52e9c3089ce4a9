// Values whose reading throws — a getter, a Proxy trap, a revoked Proxy — are no JSON values, and
// AJV's code lets the exception through. The public functions of `puffle-api/validators` answer
// them with an issue at the place the read threw, as the README promises ("never throws").
import { describe, expect, it } from "vitest";
import {
  normalizeRequestBody,
  validatePathParams,
  validateRequestBody,
  validateResponseBody,
  validateUpdateConversationRequest,
  validateUpdateConversationResponse,
  validateUpdateThreadRequest,
  validateUpdateThreadResponse,
} from "../../src/validators.js";

const MESSAGE = "cannot be read (a getter or Proxy trap threw): not a JSON value";
const unreadableAt = (path: string) => ({ path, keyword: "type", message: MESSAGE });

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** `{ [field]: <throws when read> }`, and the other members given, all enumerable own properties. */
function throwingGetter(field: string, rest: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { ...rest };
  Object.defineProperty(out, field, { enumerable: true, get() { throw new Error("getter boom"); } });
  return out;
}

const ownKeysThrows = () => new Proxy({ status: "active" }, { ownKeys() { throw new Error("ownKeys boom"); } });
const getThrows = () => new Proxy({ status: "active" }, { get() { throw new Error("get boom"); } });

describe("a value whose reading throws is reported, never thrown", () => {
  const requestCases: [string, () => unknown, string][] = [
    ["a revoked Proxy as the body", revoked, ""],
    ["a Proxy whose ownKeys trap throws", ownKeysThrows, ""],
    ["a Proxy whose get trap throws", getThrows, "/status"],
    ["a getter that throws", () => throwingGetter("status"), "/status"],
    ["a revoked Proxy inside draft_attachments", () => ({ draft_attachments: [{}, revoked()] }), "/draft_attachments/1"],
  ];
  it.each(requestCases)("request body: %s", (_name, make, path) => {
    for (const result of [validateRequestBody("updateThread", make()), validateUpdateThreadRequest(make())]) {
      expect(result).toEqual({ valid: false, errors: [unreadableAt(path)] });
    }
  });

  it("updateConversation's own entries too", () => {
    expect(validateUpdateConversationRequest(revoked())).toEqual({ valid: false, errors: [unreadableAt("")] });
    expect(validateRequestBody("updateConversation", throwingGetter("unread_count"))).toEqual({ valid: false, errors: [unreadableAt("/unread_count")] });
  });

  it("response bodies, at the member that cannot be read", () => {
    expect(validateResponseBody("updateConversation", 200, { conversation: revoked() })).toEqual({ valid: false, errors: [unreadableAt("/conversation")] });
    expect(validateUpdateConversationResponse({ conversation: revoked() })).toEqual({ valid: false, errors: [unreadableAt("/conversation")] });
    expect(validateUpdateThreadResponse(throwingGetter("thread"))).toEqual({ valid: false, errors: [unreadableAt("/thread")] });
    expect(validateResponseBody("updateThread", "409", revoked())).toEqual({ valid: false, errors: [unreadableAt("")] });
  });

  it("path parameters", () => {
    expect(validatePathParams("updateThread", revoked())).toEqual({ valid: false, errors: [unreadableAt("")] });
    expect(validatePathParams("updateConversation", throwingGetter("id"))).toEqual({ valid: false, errors: [unreadableAt("/id")] });
  });

  it("normalizeRequestBody: a body that cannot be read is a 400", () => {
    for (const body of [revoked(), ownKeysThrows()]) {
      expect(normalizeRequestBody("updateThread", body)).toEqual({ ok: false, status: 400, errors: [unreadableAt("")] });
    }
  });

  it("normalizeRequestBody: a field that cannot be read is dropped like an invalid value", () => {
    expect(normalizeRequestBody("updateThread", throwingGetter("status", { draft_subject: "Hi" }))).toEqual({
      ok: true,
      body: { draft_subject: "Hi" },
      dropped: ["status"],
    });
    expect(normalizeRequestBody("updateThread", { draft_attachments: [revoked()], status: "archived" })).toEqual({
      ok: true,
      body: { status: "archived" },
      dropped: ["draft_attachments"],
    });
    // A value read whole whose check throws: the issue names the member inside it that cannot be read.
    expect(normalizeRequestBody("updateThread", { draft_attachments: [{ name: "a.pdf" }, revoked()] })).toEqual({
      ok: false,
      status: 400,
      errors: [unreadableAt("/draft_attachments/1"), { path: "", keyword: "minProperties", message: "must have at least 1 valid field" }],
    });
    expect(normalizeRequestBody("updateConversation", throwingGetter("unread_count"))).toEqual({
      ok: false,
      status: 400,
      errors: [unreadableAt("/unread_count"), { path: "", keyword: "minProperties", message: "must have at least 1 valid field" }],
    });
  });

  it("an unknown member whose getter throws is only an unknown member (its value is never read)", () => {
    const body = throwingGetter("junk", { status: "active" });
    expect(normalizeRequestBody("updateThread", body)).toEqual({ ok: true, body: { status: "active" }, dropped: ["junk"] });
    expect(validateRequestBody("updateThread", body)).toEqual({ valid: false, errors: [{ path: "/junk", keyword: "additionalProperties", message: "is not a known field" }] });
  });

  it("the place named is the shallowest read that throws, cycles and depth kept within bounds", () => {
    // AJV throws reading `status`; `self` (unknown, a cycle back to the body) and `a` are not read by it.
    const body: Record<string, unknown> = { self: null, a: { b: revoked() } };
    body.self = body;
    Object.defineProperty(body, "status", { enumerable: true, get() { throw new Error("boom"); } });
    expect(validateRequestBody("updateThread", body)).toEqual({ valid: false, errors: [unreadableAt("/status")] });
    let deep: unknown = revoked();
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    // Attachments' members are not read (any object is accepted): valid, and nothing thrown.
    expect(validateRequestBody("updateThread", { status: "active", draft_attachments: [deep] }).valid).toBe(true);
    const params = throwingGetter("id", { deep });
    expect(validatePathParams("updateThread", params)).toEqual({ valid: false, errors: [unreadableAt("/id")] });
  });

  /** A body whose `status` getter throws `error` on the first read and gives "active" after. */
  const throwingOnce = (error: Error) => {
    let thrown = false;
    const body: Record<string, unknown> = {};
    Object.defineProperty(body, "status", {
      enumerable: true,
      get() {
        if (thrown) return "active";
        thrown = true;
        throw error;
      },
    });
    return body;
  };

  it("an exception no read repeats (a getter that throws once) is reported with what was thrown", () => {
    const once = () => throwingOnce(new TypeError("first read\nfails"));
    const checked = { path: "", keyword: "type", message: "could not be checked (TypeError: first read fails)" };
    expect(validateRequestBody("updateThread", once())).toEqual({ valid: false, errors: [checked] });
    expect(validateUpdateThreadRequest(once())).toEqual({ valid: false, errors: [checked] });
    // normalizeRequestBody reads the field itself first: that read throws, at /status.
    expect(normalizeRequestBody("updateThread", once())).toEqual({ ok: false, status: 400, errors: [unreadableAt("/status"), { path: "", keyword: "minProperties", message: "must have at least 1 valid field" }] });
  });

  // A thrown value String() cannot convert (no prototype; its own toString throws; a revoked Proxy,
  // which `instanceof` cannot look into) made validateRequestBody throw a TypeError: it never throws.
  it.each<[string, () => unknown, string]>([
    ["an object without a prototype", () => Object.create(null), "a value that cannot be converted to a string"],
    ["an object whose toString throws", () => ({ toString() { throw new Error("no"); } }), "a value that cannot be converted to a string"],
    ["a revoked Proxy", revoked, "a value that cannot be converted to a string"],
    ["an Error: its name and message, not its toString", () => Object.assign(new RangeError("m"), { toString: () => "other" }), "RangeError: m"],
    ["a string", () => "plain", "plain"],
  ])("what was thrown once: %s", (_name, thrown, shown) => {
    const issue = { path: "", keyword: "type", message: `could not be checked (${shown})` };
    expect(validateRequestBody("updateThread", throwingOnce(thrown() as Error))).toEqual({ valid: false, errors: [issue] });
    expect(validateUpdateThreadRequest(throwingOnce(thrown() as Error))).toEqual({ valid: false, errors: [issue] });
  });

  it("what was thrown is cut to 200 characters", () => {
    const body = throwingOnce(new TypeError("x".repeat(300)));
    expect(validateRequestBody("updateThread", body)).toEqual({ valid: false, errors: [{ path: "", keyword: "type", message: `could not be checked (${`TypeError: ${"x".repeat(300)}`.slice(0, 200)})` }] });
  });

  it("what was thrown is shown on one line: controls and bidi formatting escaped", () => {
    // Found with test/property/hostile-inputs.test.ts's rule (messages one line, safe to print): only whitespace was collapsed.
    const body = throwingOnce(new TypeError("\u001b[2J\u202egone\u0085\u009b"));
    expect(validateRequestBody("updateThread", body)).toEqual({ valid: false, errors: [{ path: "", keyword: "type", message: "could not be checked (TypeError: \\u001b[2J\\u202egone\\u0085\\u009b)" }] });
  });

  it("a throwing member after a hundred others is still found", () => {
    const rest = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    expect(validatePathParams("updateThread", throwingGetter("id", rest))).toEqual({ valid: false, errors: [unreadableAt("/id")] });
    expect(validateRequestBody("updateThread", throwingGetter("status", rest))).toEqual({ valid: false, errors: [unreadableAt("/status")] });
  });

  // Where the check threw but no read does when tried again (here: the body's ownKeys trap threw
  // once), the place is searched breadth first, each object once, at most 10,000 reads.
  /** `target` behind a Proxy whose ownKeys trap throws the first time only. */
  const keysThrowOnce = (target: object) => {
    let thrown = false;
    return new Proxy(target, {
      ownKeys(t) {
        if (thrown) return Reflect.ownKeys(t);
        thrown = true;
        throw new Error("keys once");
      },
    });
  };
  const notFound = { path: "", keyword: "type", message: "could not be checked (Error: keys once)" };
  /** `count` members k0… of 0, then `bad`, whose getter throws. */
  const membersThen = (count: number) => throwingGetter("bad", Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 0])));
  it.each<[string, () => object, unknown]>([
    ["nothing throws when read again: what was thrown", () => ({ status: "active" }), notFound],
    ["the 10,000th read throws: found", () => membersThen(9_999), unreadableAt("/bad")],
    ["the 10,001st read: past the budget", () => membersThen(10_000), notFound],
    ["a member named with a slash: escaped", () => ({ "a/b": throwingGetter("c") }), unreadableAt("/a~1b/c")],
    ["a function's member", () => ({ f: Object.assign(() => {}, { g: throwingGetter("c") }) }), unreadableAt("/f/g/c")],
    [
      "a hundred cycles back to the body are walked once",
      () => {
        const body: Record<string, unknown> = {};
        for (let i = 0; i < 100; i++) body[`k${i}`] = body;
        body.deep = { deeper: throwingGetter("c") };
        return body;
      },
      unreadableAt("/deep/deeper/c"),
    ],
  ])("the check threw once: %s", (_name, make, issue) => {
    expect(validateRequestBody("updateThread", keysThrowOnce(make()))).toEqual({ valid: false, errors: [issue] });
  });

  it.each<[string, unknown, string]>([
    ["an Error", new Error("length once"), "Error: length once"],
    ["an object without a prototype", Object.create(null), "a value that cannot be converted to a string"],
  ])("normalizeRequestBody: a field whose check threw once (%s) is reported at that field", (_name, error, shown) => {
    let thrown = false;
    const attachments = new Proxy([{ name: "a.pdf" }], {
      get(target, key, receiver) {
        if (!thrown && key === "length") {
          thrown = true;
          throw error;
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(normalizeRequestBody("updateThread", { draft_attachments: attachments })).toEqual({
      ok: false,
      status: 400,
      errors: [{ path: "/draft_attachments", keyword: "type", message: `could not be checked (${shown})` }, { path: "", keyword: "minProperties", message: "must have at least 1 valid field" }],
    });
  });
});
