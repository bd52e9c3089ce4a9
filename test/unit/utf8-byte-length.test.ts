// utf8ByteLength (src/client-validators.ts) counts a string's UTF-8 bytes as fetch sends it, for the
// client's maxBodyBytes check, without Buffer (absent in a browser): held to Node's count.
import { describe, expect, it } from "vitest";
import { utf8ByteLength } from "../../src/client-validators.js";

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
