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
