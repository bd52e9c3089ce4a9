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
});
