// Regression cases from the differential. Each documented format divergence between our
// validators (AJV + ajv-formats "full") and @cfworker/json-schema is pinned value by value, both
// verdicts, so that a change on either side shows up here and the exemption in
// KNOWN_FORMAT_DIVERGENCES (test/property/derive.ts) is revisited.
import { afterAll, describe, expect, it } from "vitest";
import { flushCounts, tally } from "../reliability/counts.js";
import { validateRequestBody, validateResponseBody } from "../../src/validators.js";
import { knownDivergence } from "./derive.js";
import { referenceValidator } from "./reference.js";

afterAll(() => flushCounts(import.meta.url));

const thread = (extra: Record<string, unknown>) => ({ thread: { id: "f11e8a2c-1234-4567-89ab-cdef01234567", status: "active", ...extra } });
const threadResponse = referenceValidator({ $ref: "#/components/schemas/UpdateThreadResponse" });
const threadRequest = referenceValidator({ $ref: "#/components/schemas/UpdateThreadRequest" });

// [format, field, value, puffle-api verdict, @cfworker/json-schema verdict]
const PINNED: [string, string, string, boolean, boolean][] = [
  ["email", "participant_email", "a@localhost", false, true],
  ["email", "participant_email", "\"a b\"@example.com", false, true],
  ["email", "participant_email", "a@[127.0.0.1]", false, true],
  ["email", "participant_email", `${"a".repeat(65)}@example.com`, true, false],
  ["email", "participant_email", `a@${"l".repeat(64)}.com`, true, false],
];

describe("documented format divergences (pinned)", () => {
  for (const [format, field, value, ours, theirs] of PINNED) {
    it(`${format}: ${JSON.stringify(value).slice(0, 60)}`, () => {
      tally("differential: pinned divergences", "pinned values");
      const body = thread({ [field]: value });
      expect(validateResponseBody("updateThread", 200, body).valid).toBe(ours);
      expect(threadResponse(body)).toBe(theirs);
      // The request side uses the same formats (account_id, participant_email).
      if (field !== "id" && field !== "last_message_at") {
        expect(validateRequestBody("updateThread", { [field]: value }).valid).toBe(ours);
        expect(threadRequest({ [field]: value })).toBe(theirs);
      }
      // …and the differential's exemption covers exactly this class.
      expect(knownDivergence(format, value)).toBeTypeOf("string");
    });
  }

  // Once a divergence: AJV's uuid format accepts a `urn:uuid:` prefix. The spec now pairs every
  // uuid format with a canonical-form pattern, so both sides reject it and it is compared again.
  it.each([
    ["id", "urn:uuid:f11e8a2c-1234-4567-89ab-cdef01234567"],
    ["account_id", "URN:UUID:F11E8A2C-1234-4567-89AB-CDEF01234567"],
  ])("uuid %s %s: both reject it (closed by the spec's pattern)", (field, value) => {
    const body = thread({ [field]: value });
    expect(validateResponseBody("updateThread", 200, body).valid).toBe(false);
    expect(threadResponse(body)).toBe(false);
    if (field === "account_id") {
      expect(validateRequestBody("updateThread", { [field]: value }).valid).toBe(false);
      expect(threadRequest({ [field]: value })).toBe(false);
    }
    expect(knownDivergence("uuid", value)).toBeUndefined();
  });

  // Once a divergence: AJV's date-time format accepts an offset without its colon or its minutes,
  // which RFC 3339 does not (nor @cfworker/json-schema, nor Python's jsonschema), and a space for
  // the `T` (RFC 3339 §5.6 does not; Python's jsonschema refuses it). The spec now pairs every
  // date-time format with RFC 3339's grammar as a pattern, so every implementation rejects them.
  it.each(["2020-01-01T00:00:00+0530", "2020-01-01T00:00:00+05", "2020-01-01T00:00:00-0000", "2020-01-01 00:00:00Z"])("date-time %s: both reject it (closed by the spec's pattern)", (value) => {
    for (const field of ["last_message_at", "created_at", "updated_at"]) {
      const body = thread({ [field]: value });
      expect(validateResponseBody("updateThread", 200, body).valid).toBe(false);
      expect(threadResponse(body)).toBe(false);
    }
    expect(knownDivergence("date-time", value)).toBeUndefined();
  });

  it("the exemptions do not cover values both sides agree on", () => {
    for (const [format, value] of [
      ["uuid", "f11e8a2c-1234-4567-89ab-cdef01234567"],
      ["date-time", "2020-01-01T00:00:00+05:30"],
      ["date-time", "2020-01-01T00:00:00Z"],
      ["email", "jane@example.com"],
    ] as const) {
      expect(knownDivergence(format, value)).toBeUndefined();
    }
  });
});
