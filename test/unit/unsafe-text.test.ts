// The characters the CLI's output and the reference server's log never show as they are
// (src/unsafe-text.ts): Cc (C0, DEL, C1), Bidi_Control, U+2028 and U+2029.
import { describe, expect, it } from "vitest";
import { boundedLine, escapeUnsafeInJson, oneLine } from "../../src/unsafe-text.js";
import { quoted } from "../../src/errors.js";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
const C0 = range(0x00, 0x1f);
const DEL_C1 = range(0x7f, 0x9f);
const BIDI = ["\u061c", "\u200e", "\u200f", ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)];
const SEPARATORS = ["\u2028", "\u2029"];
const UNSAFE = [...C0, ...DEL_C1, ...BIDI, ...SEPARATORS];

describe("oneLine", () => {
  it.each(UNSAFE.map((c) => [`U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`, c]))("%s becomes a space", (_name, c) => {
    expect(oneLine(`a${c}b`)).toBe("a b");
  });
  it("collapses runs and trims, keeps other text (also other format characters and non-ASCII)", () => {
    expect(oneLine("  a\u001b[2J\u009b31m \n b\u200dc é 日本 ")).toBe("a [2J 31m b\u200dc é 日本");
  });
});

describe("boundedLine", () => {
  it.each([
    ["short text: oneLine's", "a\u001b[2J\n b", 10, "a [2J b"],
    ["exactly max characters: kept", "x".repeat(10), 10, "x".repeat(10)],
    ["one more: cut, ends in …", "x".repeat(11), 10, `${"x".repeat(9)}…`],
    ["counted after cleaning: a run of controls is one space", `a${"\u009b".repeat(20)}b`, 10, "a b"],
    ["counted in code points: an astral character is one", "😀".repeat(10), 10, "😀".repeat(10)],
    ["a cut never splits a surrogate pair", "😀".repeat(11), 10, `${"😀".repeat(9)}…`],
    ["a megabyte: cut before it is cleaned", "y".repeat(1_000_000), 10, `${"y".repeat(9)}…`],
    ["a megabyte of astral characters (the first cut splits none left behind)", `a${"😀".repeat(500_000)}`, 3, "a😀…"],
    ["a megabyte of controls: nothing left but the mark", "\u001b\n".repeat(500_000), 10, "…"],
    ["no space left before the mark", `${"a ".repeat(10)}`, 4, "a a…"],
    ["no space left before the mark, where the cut ends in one", `${"a ".repeat(10)}`, 5, "a a…"],
    // Text over 4 × max UTF-16 units is cut (at 4 × max) before it is cleaned; a run of spaces, which
    // cleaning collapses, shows where. A surrogate pair split by that cut leaves no half behind.
    ["4 × max units: cleaned whole", `x${" ".repeat(38)}y`, 10, "x y"],
    ["one unit more: cut at 4 × max first (z dropped), and so marked", `x${" ".repeat(38)}yz`, 10, "x y…"],
    ["a megabyte of spaces before the text: cut before it", `x${" ".repeat(1_000_000)}y`, 10, "x…"],
    ["the first cut splits a surrogate pair", `x${" ".repeat(38)}😀`, 10, "x…"],
  ])("%s", (_name, text, max, want) => {
    expect(boundedLine(text, max)).toBe(want);
  });
});

describe("escapeUnsafeInJson", () => {
  const value = { name: [...DEL_C1, ...BIDI, ...SEPARATORS, ...C0].join(""), "key\u202e\u2028": "ok é" };
  it("leaves no unsafe character in JSON.stringify's text, pretty-printed or not, and the value is the same", () => {
    for (const json of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
      const escaped = escapeUnsafeInJson(json);
      expect(escaped.replace(/\n/g, "")).not.toMatch(/[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u);
      expect(JSON.parse(escaped)).toEqual(value);
    }
  });
  it("writes lower-case \\uXXXX escapes and keeps the line breaks between tokens", () => {
    expect(escapeUnsafeInJson('{\n  "a": "\u009b\u202e\u2028"\n}\n')).toBe('{\n  "a": "\\u009b\\u202e\\u2028"\n}\n');
  });
  it("returns text without them unchanged", () => {
    const json = JSON.stringify({ a: "plain é 日本 \u200d", b: [1, null] });
    expect(escapeUnsafeInJson(json)).toBe(json);
  });
});

// quoted() (src/errors.ts), how the client's config errors, the CLI and the mock launchers quote a
// value: a cut value lost its closing quote (`"xxx…`), so a reader could not tell where the quote
// ended, nor a cut value from one that ends in `…`. It now ends in `…"` and says it was cut.
describe("quoted", () => {
  const cut = (kept: string, all: number) => `"${kept}…" (cut; ${all} characters in all)`;
  const collapsedCut = (kept: string, all: number) => `"${kept}…" (cut, spaces collapsed; ${all} characters in all)`;
  it.each([
    ["short: JSON-quoted on one line", "a\nb\u001b[2J\u202ec", '"a\\nb\\u001b[2J\\u202ec"'],
    ["a value ending in … is not cut", `${"x".repeat(100)}…`, `"${"x".repeat(100)}…"`],
    ["exactly 198 characters: 200 quoted, kept whole", "x".repeat(198), `"${"x".repeat(198)}"`],
    ["one more: cut, the quote closed, the length said", "x".repeat(199), cut("x".repeat(197), 199)],
    ["a megabyte", "x".repeat(1_000_000), cut("x".repeat(197), 1_000_000)],
    ["counted in characters: an astral one is one", "😀".repeat(300), cut("😀".repeat(197), 300)],
    ["a megabyte of astral characters", "😀".repeat(500_000), cut("😀".repeat(197), 500_000)],
    ["an escape is never split", `${"x".repeat(195)}\u001b`, cut("x".repeat(195), 196)],
    ["nor a backslash's", `${"x".repeat(196)}\\y`, cut("x".repeat(196), 198)],
    // Over 800 UTF-16 units the text is cut before it is quoted (at 800 units; a high surrogate the
    // cut left alone dropped); a run of spaces, shown as one, shows that cut, and a value that cut is
    // always said to be cut, however short its line became.
    ["800 units of spaces: collapsed, whole, and said to be", `x${" ".repeat(798)}y`, '"x y" (spaces collapsed; 800 characters in all)'],
    ["801 units: cut at 800, and said to be", `x${" ".repeat(798)}yz`, collapsedCut("x y", 801)],
    ["a megabyte of spaces is said to be cut", `x${" ".repeat(1_000_000)}y`, collapsedCut("x ", 1_000_002)],
    ["the cut splits a surrogate pair: its high half dropped", `x${" ".repeat(798)}😀`, collapsedCut("x ", 800)],
    // The length said counts characters: a surrogate pair is one, a lone surrogate one.
    ["U+10000 (high surrogate D800) is one character", `${"x".repeat(300)}\u{10000}`, cut("x".repeat(197), 301)],
    ["U+10FFFF (high surrogate DBFF) is one character", `${"x".repeat(300)}\u{10FFFF}`, cut("x".repeat(197), 301)],
    ["two lone low surrogates are two", `${"x".repeat(300)}\uDC00\uDC00`, cut("x".repeat(197), 302)],
    ["a lone high surrogate before a letter: two", `${"x".repeat(300)}\uD83Dx`, cut("x".repeat(197), 302)],
  ])("%s", (_name, text, want) => {
    expect(quoted(text)).toBe(want);
  });
});

// A run of spaces was collapsed before the length was counted, and the quote said nothing of it: a
// value of 700 spaces was quoted `" "`, as if it were one space; a bidi override or a no-break space
// was shown as a plain space. The quote is now the value in JSON syntax but for runs of spaces, and
// says when one was collapsed (and, when it is cut, that too).
describe("quoted says what it did not show as it was", () => {
  it.each([
    ["700 spaces", " ".repeat(700), '" " (spaces collapsed; 700 characters in all)'],
    ["1000 spaces (cut before they are quoted)", " ".repeat(1000), '" …" (cut, spaces collapsed; 1000 characters in all)'],
    ["two spaces inside", "a  b", '"a b" (spaces collapsed; 4 characters in all)'],
    ["one space is shown as it is", " a b ", '" a b "'],
    ["a no-break space and an ideographic space are escaped, not made spaces", "a\u00a0b\u3000c", '"a\\u00a0b\\u3000c"'],
    ["C1, DEL, bidi and the separators are escaped as JSON would write them", "\u009b\u007f\u202e\u2028\u2029", '"\\u009b\\u007f\\u202e\\u2028\\u2029"'],
    ["a run of spaces past the cut is not said to be collapsed", `${"x".repeat(300)}  y`, `"${"x".repeat(197)}…" (cut; 303 characters in all)`],
    ["a run inside the kept part is", `x  ${"y".repeat(300)}`, `"x ${"y".repeat(195)}…" (cut, spaces collapsed; 303 characters in all)`],
  ])("%s", (_name, text, want) => {
    expect(quoted(text)).toBe(want);
  });
  it("the quote (without its note) is JSON of the value with its runs of spaces as one, and oneLine leaves it as it is", () => {
    for (const text of ["a  b", "\u009b x\u00a0\u202e  y", "\t\n \u2028"]) {
      const shownQuote = quoted(text).replace(/ \(spaces collapsed; \d+ characters in all\)$/, "");
      expect(JSON.parse(shownQuote)).toBe(text.replace(/ {2,}/g, " "));
      expect(oneLine(quoted(text))).toBe(quoted(text));
    }
  });
});
