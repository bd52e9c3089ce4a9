// Descriptions are read in renderers that hide vendor extensions (Swagger UI, Scalar, Stoplight
// Elements; Redoc too by default): a description may mention an `x-` extension for tools, but must
// not send the reader there for the behaviour ("see `x-puffle-normalize`", "`x-puffle-normalize`
// says how …"), which those readers never see. Every description of the bundled spec is checked.
import { describe, expect, it } from "vitest";
import { spec, type Json } from "../helpers.js";

/** Wording that defers to an extension instead of stating the rule. */
const DEFERS = [/\bsee\s+(?:the\s+)?`x-[\w-]+`/i, /`x-[\w-]+`\s+(?:says|explains|describes|defines|tells)\b/i];

function descriptions(node: Json, pointer: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((item, i) => descriptions(item, `${pointer}/${i}`, out));
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "description" && typeof value === "string") out.push([`${pointer}/description`, value]);
      else descriptions(value, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, out);
    }
  }
  return out;
}

const defers = (text: string) => DEFERS.some((re) => re.test(text));

describe("descriptions state behaviour themselves, not through an extension the renderers hide", () => {
  it.each(descriptions(spec, "#"))("%s", (_pointer, text) => {
    expect(defers(text), text).toBe(false);
  });

  it.each([
    ["silently dropped (see `x-puffle-normalize` on the request body).", true],
    ["`x-puffle-normalize` says how a lenient body is reduced to it.", true],
    ["what remains of a body once those are dropped (the `x-puffle-normalize` extension states the same rules for tools).", false],
  ])("the check can fail: %j → %s", (text, want) => {
    expect(defers(text)).toBe(want);
  });
});

// What descriptions say of the API's behaviour beyond Puffle's pages, worded as the validators and
// the reference server behave (an audit of the spec's own prose found each of these overstated:
// the old wording is in the row). Each row is the description's pointer, the wording that must stay,
// and where the behaviour itself is held.
const at = (pointer: string): Json | undefined =>
  pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<Json | undefined>((node, key) => (node !== null && typeof node === "object" && !Array.isArray(node) ? node[key] : undefined), spec);

const CLAIMS: [pointer: string, wording: RegExp, behaviour: string][] = [
  // Was "the same effect as sending it once": each repeat advances updated_at again.
  ["/info/description", /same effect as sending it once[^.]*but for `updated_at`, which every successful update advances/, "test/server/updates.test.ts (updated_at advances on every update, even when the values are the same)"],
  // Was "any other method with 405": a preflight with CORS on is a 204 (and a method Node's parser does not know, a 400).
  ["/paths/~1api~1conversations~1{id}/patch/description", /another method, such as `GET` or `DELETE`, with 405.*preflight `OPTIONS` gets a 204/s, "test/server/robustness.test.ts (other methods → 405), test/server/cors.test.ts (a preflight is a 204)"],
  // Was "each reason the request (body or path id) was rejected": a malformed id's 400 lists the id alone.
  ["/components/schemas/Problem/properties/errors/description", /the id's alone when the\s+id is malformed/, "test/server/access.test.ts (malformed ids, with a body that is invalid too)"],
  // Was "the largest integer a JSON number carries exactly": 2^53 is carried exactly too.
  ["/components/schemas/UnreadCount/description", /agree on exactly, RFC 8259 §6/, "RFC 8259 §6; JSON.parse below"],
  // Was "any JSON object is accepted and kept as it is": __proto__ and constructor-with-prototype are left out.
  ["/components/schemas/DraftAttachment/description", /but for members named `__proto__` and\s+`constructor` members holding a `prototype`, at any depth, which are left out/, "test/unit/normalize.test.ts (removes __proto__ and constructor-with-prototype at any depth)"],
  // Was "would give that sender a second non-archived, non-warmup thread": the thread changed may be archived itself.
  ["/components/responses/DuplicateThread/description", /whatever the status of the thread being\s+changed/, "test/server/updates.test.ts (an archived thread moved to that sender)"],
  // Was "the path id is not a UUID": a UUID of version 0 or 9 is a 400 too (the pattern).
  ["/components/responses/BadRequest/description", /the path id does not match its pattern/, "test/server/access.test.ts (a UUID with an invalid version nibble)"],
  ["/components/responses/ThreadBadRequest/description", /the path id does not match its pattern/, "test/server/access.test.ts (a UUID with an invalid version nibble)"],
];

describe("descriptions of behaviour say what the validators and the reference server do", () => {
  it.each(CLAIMS)("%s", (pointer, wording, behaviour) => {
    const text = at(pointer);
    expect(typeof text, `${pointer} is not a description in generated/openapi.json`).toBe("string");
    expect(text as string, `${pointer} no longer says what ${behaviour} holds`).toMatch(wording);
  });

  it("2^53 − 1 is the end of the range JSON implementations agree on, not of what a JSON number carries exactly", () => {
    expect(JSON.parse("9007199254740992")).toBe(2 ** 53);
    expect(Number.isSafeInteger(JSON.parse("9007199254740991"))).toBe(true);
    expect(Number.isSafeInteger(JSON.parse("9007199254740992"))).toBe(false);
  });

  // ValidationError.keyword: every keyword an example's `errors` shows (the examples are the reference
  // server's bodies: examples-server.test.ts) is a JSON Schema keyword or named in the description.
  const JSON_SCHEMA_KEYWORDS = new Set(["type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "format", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "required", "additionalProperties"]);
  const examples = Object.entries((at("/components/examples") as Record<string, { value?: { errors?: { keyword: string }[] } }>) ?? {});
  const keywords = [...new Set(examples.flatMap(([, example]) => (example.value?.errors ?? []).map((error) => error.keyword)))];
  it("the examples show some errors", () => expect(keywords.length).toBeGreaterThan(0));
  it.each(keywords.filter((keyword) => !JSON_SCHEMA_KEYWORDS.has(keyword)))("ValidationError.keyword names %s, which is no JSON Schema keyword", (keyword) => {
    expect(at("/components/schemas/ValidationError/properties/keyword/description") as string).toContain(`\`${keyword}\``);
  });
});
