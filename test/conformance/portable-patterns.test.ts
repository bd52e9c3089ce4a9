// Other teams validate with the bundled spec's schemas in their own JSON Schema 2020-12
// implementation (docs/publishing.md, "Validating with another JSON Schema implementation"): Python's
// `jsonschema` (patterns run by `re`), Go's and Rust's (RE2-style engines, no lookaround), Java's…
// Our validators compile each `pattern` as an ECMA-262 regular expression with the `u` flag (AJV).
// Every pattern of the spec keeps to the syntax all of these read alike, so a pattern is one rule
// whatever runs it; this test names any pattern that leaves that subset, and why.
import { describe, expect, it } from "vitest";
import { spec, type Json } from "../helpers.js";

/** Why `pattern` is read differently by ECMA-262 (`u`) and by Python's `re` or an RE2 engine, or undefined. */
export function nonPortable(pattern: string, { dotAllowed = false } = {}): string | undefined {
  try {
    new RegExp(pattern, "u");
  } catch (error) {
    return `not an ECMA-262 \`u\` regular expression (${(error as Error).message})`;
  }
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "[" && !inClass) {
      // ECMA-262 reads `[]` as a class of nothing and `[^]` as any character; Python's `re` and RE2
      // take that `]` as the class's first member and refuse the pattern (or read another class).
      if (pattern[i + 1] === "]" || (pattern[i + 1] === "^" && pattern[i + 2] === "]")) return "`[]` or `[^]`: ECMA-262 reads an empty class (nothing, any character), Python's `re` and RE2 a `]` in a class, or refuse it; write what it means (`[^\\n\\r]`, or leave it out)";
      inClass = true;
      if (pattern[i + 1] === "^") i++;
      continue;
    }
    if (c === "]" && inClass) {
      inClass = false;
      continue;
    }
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if ("dDwWsSbB".includes(next)) return `\`\\${next}\`: Python's \`re\` reads it over Unicode (\`\\d\` matches "٢"), ECMA-262 over ASCII; write the class out (\`[0-9]\`)`;
      if (!/^[.\-^$*+?()[\]{}|\\/nrt]$/.test(next)) return `\`\\${next}\`: an escape the engines do not share (\\p{…}, \\u{…}, \\k<…>, \\cX, back-references, \\0 …)`;
      i++;
      continue;
    }
    if (c === "(" && pattern[i + 1] === "?" && pattern[i + 2] !== ":") return "`(?` other than `(?:`: lookaround and named groups are not in RE2, and Python spells named groups `(?P<…>)`";
    if (c === "." && !dotAllowed) return "`.`: ECMA-262 leaves out \\n, \\r, U+2028 and U+2029, Python's `re` only \\n; write the class out (`[^\\n\\r]`)";
  }
  return undefined;
}

/** Every `pattern` of the bundled spec with its JSON Pointer. */
function patterns(node: Json, pointer = "#"): [string, string][] {
  if (node === null || typeof node !== "object") return [];
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(node)) {
    const at = `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (k === "pattern" && typeof v === "string") out.push([at, v]);
    else out.push(...patterns(v as Json, at));
  }
  return out;
}

describe("the spec's patterns read alike in every JSON Schema implementation", () => {
  const found = patterns(spec);

  it("finds the patterns (path ids, UUID columns, the WWW-Authenticate header)", () => {
    expect(found.length).toBeGreaterThanOrEqual(6);
  });

  it.each(found)("%s", (pointer, pattern) => {
    // A header's value holds no CR, LF, U+2028 or U+2029 (RFC 9110 §5.5), so `.` is one rule there.
    const dotAllowed = pointer.startsWith("#/components/headers/");
    expect(nonPortable(pattern, { dotAllowed })).toBeUndefined();
  });

  it("the check names what is not portable", () => {
    expect(nonPortable("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}$")).toBeUndefined();
    expect(nonPortable("^\\d{4}$")).toMatch(/Unicode/);
    expect(nonPortable("^\\w+$")).toMatch(/\\w/);
    expect(nonPortable("^(?<=a)b$")).toMatch(/lookaround/);
    expect(nonPortable("^(?!x)")).toMatch(/lookaround/);
    expect(nonPortable("^\\p{L}+$")).toMatch(/escape/);
    expect(nonPortable("^a{,3}$")).toMatch(/not an ECMA-262/); // a quantifier in Python's `re`
    expect(nonPortable("^a.b$")).toMatch(/U\+2028/);
    expect(nonPortable("^a.b$", { dotAllowed: true })).toBeUndefined();
    expect(nonPortable("^[a-z$")).toMatch(/not an ECMA-262/);
    // Empty classes: ECMA-262 compiles them, Python's `re` ("unterminated character set") does not.
    expect(nonPortable("^[^]$")).toMatch(/empty class/);
    expect(nonPortable("^[]$")).toMatch(/empty class/);
    expect(nonPortable("^a[]b|c$")).toMatch(/empty class/);
    expect(nonPortable("^[a[]$")).toBeUndefined();
    expect(nonPortable("^[\\]]$")).toBeUndefined();
    expect(nonPortable("^[^\\]]$")).toBeUndefined();
  });
});
