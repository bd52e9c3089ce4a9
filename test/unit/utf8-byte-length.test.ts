// utf8ByteLength (src/client-validators.ts) counts a string's UTF-8 bytes as fetch sends it, for the
// client's maxBodyBytes check, without Buffer (absent in a browser): held to Node's count.
import { describe, expect, it } from "vitest";
import { requestSizeIssue, utf8ByteLength } from "../../src/client-validators.js";

describe("utf8ByteLength", () => {
  it.each([
    ["empty", ""],
    ["ASCII", '{"status":"active"}'],
    ["2-byte (é, ß)", "caf\u00e9 stra\u00dfe"],
    ["3-byte (€, 日本)", "\u20ac \u65e5\u672c \uffff"],
    ["4-byte (a surrogate pair, 😀)", "a\u{1F600}b\u{10FFFF}"],
    ["a lone high surrogate, then text", "x\ud800y"],
    ["a lone low surrogate", "\udc00"],
    ["a high surrogate at the end", "x\ud83d"],
    ["two high surrogates, then a low", "\ud83d\ud83d\ude00"],
  ])("%s: as many bytes as Buffer.byteLength counts (fetch's, lone surrogates as U+FFFD)", (_name, text) => {
    expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, "utf8"));
    expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
  });
});

// requestSizeIssue decides a body without counting when its code units times 3 are within the
// limit: 3 is the most bytes a UTF-16 code unit becomes (a BMP character past U+07FF, a lone
// surrogate sent as U+FFFD; a pair is 4 bytes for 2). A body of such characters is measured.
describe("requestSizeIssue: 3-byte characters at the limit", () => {
  const MAX = 1_048_576;
  const text = (char: string, count: number) => `{"draft_body_text":"${char.repeat(count)}"}`;
  // 22 bytes of JSON around the text: 349,518 characters of 3 bytes make exactly MAX.
  it.each([
    ["€ (U+20AC)", "\u20ac"],
    ["a lone surrogate (sent as U+FFFD)", "\ud800"],
  ])("%s", (_name, char) => {
    expect(utf8ByteLength(text(char, 349_518))).toBe(MAX);
    expect(requestSizeIssue("updateThread", text(char, 349_518), { draft_body_text: "" })).toBeUndefined();
    expect(requestSizeIssue("updateThread", text(char, 349_519), { draft_body_text: char.repeat(349_519) })).toMatchObject({ path: "/draft_body_text", keyword: "maxBodyBytes", message: expect.stringMatching(/^makes the body 1048579 bytes of JSON \(UTF-8\), more than 1048576, /) });
  });
  it("4-byte characters (surrogate pairs, 2 bytes a code unit) at the limit", () => {
    // 262,138 pairs of 4 bytes and 2 ASCII make exactly MAX.
    expect(requestSizeIssue("updateThread", text("\u{1F600}", 262_138) + "  ", { draft_body_text: "" })).toBeUndefined();
    expect(requestSizeIssue("updateThread", text("\u{1F600}", 262_139), { draft_body_text: "" })).toMatchObject({ keyword: "maxBodyBytes" });
  });
});
