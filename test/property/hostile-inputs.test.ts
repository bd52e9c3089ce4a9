// What a caller feeds by hand, at its most hostile: Proxies whose traps throw, getters that throw,
// objects without a prototype, `__proto__`/`constructor` keys, huge strings, deep nesting, BigInt,
// Symbols (as values and keys), sparse and typed arrays, frozen objects, Date, Map, functions. The
// public validators answer every one with a verdict; `createPuffleClient` and `updateThread` throw
// only the documented errors (PuffleConfigError, a PuffleError) with a one-line message, or the
// caller's own exception (a trap or getter of theirs) as it is, and send nothing when a check fails.
// (test/property/never-throw.test.ts covers JSON-shaped values; test/unit/unreadable.test.ts the
// unreadable ones, row by row.)
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createPuffleClient, PuffleConfigError } from "../../src/client.js";
import { PuffleError, PuffleValidationError } from "../../src/errors.js";
import { normalizeRequestBody, operationIds, validatePathParams, validateRequestBody, validateResponseBody } from "../../src/validators.js";
import { readJson } from "../helpers.js";
import { flushCounts, tally } from "../reliability/counts.js";

afterAll(() => flushCounts(import.meta.url));

const RUNS = 300;
/** FUZZ_SEED=<n> explores other inputs; the default keeps runs repeatable. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
/** The documented 200 of updateThread, as the injected fetch answers. */
const RESPONSE = JSON.stringify(readJson<{ updateThread: { response: unknown } }>("test/fixtures/docs-examples.json").updateThread.response);

/** The caller's own exception: thrown by a trap or getter of the test's, so allowed through. */
class Boom extends Error {}
const boom = () => {
  throw new Boom("boom");
};

function deep(levels: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** Each a fresh value on every call (a Proxy, a frozen object…). */
const EXOTIC: [string, () => unknown][] = [
  ["Proxy, every trap throws", () => new Proxy({}, { get: boom, ownKeys: boom, getPrototypeOf: boom, has: boom, getOwnPropertyDescriptor: boom })],
  ["Proxy, get throws", () => new Proxy({ status: "archived" }, { get: boom })],
  ["Proxy, ownKeys throws", () => new Proxy({ status: "archived" }, { ownKeys: boom })],
  ["revoked Proxy", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  }],
  ["throwing getter", () => Object.defineProperty({}, "status", { enumerable: true, get: boom })],
  ["null prototype", () => Object.assign(Object.create(null), { status: "archived" })],
  ["__proto__ key", () => JSON.parse('{"__proto__":{"status":"archived"},"unread_count":1}')],
  ["constructor key", () => ({ constructor: { prototype: { polluted: true } }, status: "archived" })],
  ["huge string", () => "x\u2028\u001b[31m\u202e".repeat(250_000)],
  ["deep nesting", () => deep(5_000)],
  ["deep nesting in a field", () => ({ draft_attachments: [deep(5_000)] })],
  ["BigInt", () => 10n ** 30n],
  ["BigInt field", () => ({ unread_count: 1n })],
  ["Symbol", () => Symbol("s")],
  ["Symbol key", () => ({ [Symbol("k")]: 1, status: "archived" })],
  ["Symbol field", () => ({ status: Symbol("archived") })],
  ["sparse array", () => [, 1, , ]],
  ["sparse array field", () => ({ draft_attachments: [, { name: "a" }] })],
  ["frozen object", () => Object.freeze({ status: "archived" })],
  ["typed array", () => new Uint8Array([1, 2, 3])],
  ["Date", () => new Date(0)],
  ["invalid Date", () => new Date(NaN)],
  ["Map", () => new Map([["status", "archived"]])],
  ["Set", () => new Set([1])],
  ["function", () => () => 1],
  ["cycle", () => {
    const o: Record<string, unknown> = { status: "archived" };
    o.self = o;
    return o;
  }],
  ["toJSON that throws", () => ({ toJSON: boom })],
  ["NaN", () => NaN],
  ["-0", () => -0],
  ["Infinity", () => Infinity],
  ["control characters", () => "a\u0000\u001b\u0085\u2028b"],
  ["lone surrogate", () => "\uD800"],
  ["null", () => null],
  ["undefined", () => undefined],
];

/**
 * A value, as a thunk called inside the property: fast-check itself reads the values it generates
 * (a revoked Proxy would throw in fast-check), so each is made where it is used.
 */
type Make = { readonly name: string; readonly make: () => unknown };
const exotic: fc.Arbitrary<Make> = fc.constantFrom(...EXOTIC).map(([name, make]) => ({ name, make }));
const plain: fc.Arbitrary<Make> = fc
  .oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: "binary", maxLength: 20 }), fc.integer(), fc.double())
  .map((v) => ({ name: JSON.stringify(v) ?? String(v), make: () => v }));
const anyValue = fc.oneof(exotic, plain);

/** No line break a message could carry (JS's line terminators). */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

describe("validators answer hostile values", () => {
  for (const op of operationIds) {
    it(`${op}: every public check returns a verdict, its messages one line`, () => {
      fc.assert(
        fc.property(anyValue, fc.constantFrom<string | number>(200, "200", 400, "409", 999), ({ make }, status) => {
          const value = make();
          tally("hostile inputs", "validator inputs");
          const results = [validateRequestBody(op, value), validateResponseBody(op, status as never, value), validatePathParams(op, value), validatePathParams(op, { id: value })];
          for (const r of results) {
            expect(typeof r.valid).toBe("boolean");
            if (!r.valid) for (const e of r.errors) expect(e.message).not.toMatch(LINE_BREAK);
          }
          const n = normalizeRequestBody(op, value);
          expect(typeof n.ok).toBe("boolean");
          if (!n.ok) for (const e of n.errors) expect(e.message).not.toMatch(LINE_BREAK);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }

  it("any operationId and status: a verdict, its messages one line", () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, (op, status, value) => {
        tally("hostile inputs", "validator inputs");
        const id = op.make() as string;
        const results = [validateRequestBody(id, value.make()), validateResponseBody(id, status.make() as number, value.make()), validateResponseBody("updateThread", status.make() as number, value.make()), validatePathParams(id, value.make())];
        const n = normalizeRequestBody(id, value.make());
        for (const r of [...results, { valid: n.ok, errors: n.ok ? [] : n.errors }]) {
          expect(typeof r.valid).toBe("boolean");
          if (!r.valid) for (const e of r.errors) expect(e.message, `${op.name} ${status.name}`).not.toMatch(LINE_BREAK);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

/** An error the client may throw: a documented one, one line; or the test's own (a trap's). */
function expectDocumented(error: unknown): void {
  if (error instanceof Boom) return;
  // A revoked Proxy of the caller's: the engine's TypeError on reading it, as the caller's own (left alone).
  if (error instanceof TypeError && error.message.includes("proxy that has been revoked")) return;
  if (!(error instanceof PuffleConfigError) && !(error instanceof PuffleError)) throw error;
  expect(error.message).not.toMatch(LINE_BREAK);
  expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
}

const OPTION_KEYS = ["baseUrl", "apiKey", "fetch", "headers", "validate", "timeoutMs", "maxRetries", "retry", "maxResponseBytes", "unknownOption", "__proto__"];
const optionValue: fc.Arbitrary<Make> = fc.oneof(
  anyValue,
  fc.constantFrom<unknown>("https://example.com", "http://127.0.0.1:1/", "ftp://x", "http://u:p@x", "request", "both", 0, 1, 20, 21, -1, 2 ** 31, 1.5, {}, { "x-a": "b" }, { "bad name": "v" }, { "x-a": "\r\n" }, { baseDelayMs: -1 }, { sleep: 1 }).map((v) => ({ name: JSON.stringify(v) ?? String(v), make: () => v })),
);
/** Own enumerable members set by defineProperty (a `__proto__` key is a member, not the prototype). */
const optionsObject: fc.Arbitrary<Make> = fc.array(fc.tuple(fc.constantFrom(...OPTION_KEYS), optionValue), { maxLength: 4 }).map((entries) => ({
  name: `{ ${entries.map(([k, v]) => `${k}: ${v.name.slice(0, 40)}`).join(", ")} }`,
  make: () => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) Object.defineProperty(out, k, { value: v.make(), enumerable: true, writable: true, configurable: true });
    return out;
  },
}));


/** A client whose fetch records each request's init and answers a documented 200. */
function recordingClient(validate: "request" | undefined) {
  const sent: RequestInit[] = [];
  const fetch = async (_input: string | Request, init?: RequestInit) => {
    sent.push(init ?? {});
    return new Response(RESPONSE, { status: 200, headers: { "content-type": "application/json" } });
  };
  return { client: createPuffleClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1", fetch, validate, maxRetries: 0 }), sent };
}
describe("client option checks throw only documented errors", () => {
  it("createPuffleClient: each option given each hostile value (all pairs)", () => {
    const failures: string[] = [];
    for (const key of OPTION_KEYS) {
      for (const [name, make] of EXOTIC) {
        tally("hostile inputs", "createPuffleClient options");
        const options = Object.defineProperty({}, key, { value: make(), enumerable: true });
        try {
          createPuffleClient(options);
        } catch (error) {
          try {
            expectDocumented(error);
          } catch (failure) {
            failures.push(`${key}: ${name}: ${String(failure).slice(0, 300)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("createPuffleClient with random options", () => {
    fc.assert(
      fc.property(fc.oneof(optionsObject, anyValue), ({ make }) => {
        tally("hostile inputs", "createPuffleClient options");
        try {
          createPuffleClient(make() as never);
        } catch (error) {
          expectDocumented(error);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("updateThread: each hostile body, id and options value alone (all), validate off and on", async () => {
    const failures: string[] = [];
    for (const validate of [undefined, "request"] as const) {
      for (const [name, make] of EXOTIC) {
        for (const slot of ["id", "body", "options"] as const) {
          tally("hostile inputs", "updateThread calls");
          const { client, sent } = recordingClient(validate);
          const value = make();
          const args = [slot === "id" ? value : THREAD_ID, slot === "body" ? value : { status: "archived" }, slot === "options" ? value : undefined] as const;
          const label = `${slot} ${name}, validate ${validate ?? "off"}`;
          try {
            await client.updateThread(...(args as unknown as Parameters<typeof client.updateThread>));
          } catch (error) {
            try {
              expectDocumented(error);
            } catch (failure) {
              failures.push(`${label}: ${String(failure).slice(0, 300)}`);
            }
            if (sent.length > 0 && (error instanceof PuffleConfigError || (error instanceof PuffleValidationError && error.target !== "response"))) failures.push(`${label}: sent, then ${String(error)}`);
            continue;
          }
          // A body given is sent as JSON text: only an undefined body means none.
          if (sent.length !== 1 || (args[1] !== undefined && typeof sent[0]!.body !== "string")) failures.push(`${label}: sent ${JSON.stringify(sent.map((s) => s.body ?? null))}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("updateThread with random ids, bodies and options: documented errors only, nothing sent when a check fails", async () => {
    const callOptionKeys = ["signal", "timeoutMs", "headers", "maxRetries", "other"];
    const callOptions = fc.oneof(
      anyValue,
      fc.array(fc.tuple(fc.constantFrom(...callOptionKeys), optionValue), { maxLength: 3 }).map((entries): Make => ({
        name: entries.map(([k, v]) => `${k}: ${v.name.slice(0, 40)}`).join(", "),
        make: () => Object.fromEntries(entries.map(([k, v]) => [k, v.make()])),
      })),
    );
    const value = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Make> => arb.map((v) => ({ name: JSON.stringify(v), make: () => structuredClone(v) }));
    const id = fc.oneof(value(fc.constantFrom(THREAD_ID, THREAD_ID.toUpperCase())), value(fc.uuid()), anyValue);
    const body = fc.oneof(value(fc.constant({ status: "archived" })), value(fc.record({ unread_count: fc.integer(), draft_subject: fc.string() }, { requiredKeys: [] })), anyValue);
    await fc.assert(
      fc.asyncProperty(id, body, callOptions, fc.constantFrom(undefined, "request"), async (id, body, callOptions, validate) => {
        tally("hostile inputs", "updateThread calls");
        const { client, sent } = recordingClient(validate);
        let given: unknown;
        try {
          given = body.make();
          await client.updateThread(id.make() as never, given as never, callOptions.make() as never);
        } catch (error) {
          expectDocumented(error);
          if (error instanceof PuffleConfigError || (error instanceof PuffleValidationError && error.target !== "response")) {
            expect({ sent: sent.length, error: String(error) }).toEqual({ sent: 0, error: String(error) });
          }
          return;
        }
        expect(sent).toHaveLength(1);
        // A body given is sent as JSON text: only an undefined body means none.
        if (given !== undefined) expect(typeof sent[0]!.body, String(body.name)).toBe("string");
        if (validate === "request") expect(validateRequestBody("updateThread", JSON.parse(sent[0]!.body as string)).valid).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
