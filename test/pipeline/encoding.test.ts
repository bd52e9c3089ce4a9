// firstInvalidUtf8 (scripts/lib/encoding.mjs), which locates the byte a spec file that is not UTF-8
// fails at: the lead byte of a sequence cut short, else the byte itself.
import { describe, expect, it } from "vitest";
// @ts-expect-error a plain ES module of the pipeline, without types
import { firstInvalidUtf8 } from "../../scripts/lib/encoding.mjs";

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

const CASES: [string, { given: Uint8Array; want: number }][] = [
  ["ASCII", { given: utf8("type: integer\n"), want: -1 }],
  ["two-, three- and four-byte sequences", { given: utf8("café € 😀"), want: -1 }],
  ["U+FFFD itself, as UTF-8", { given: utf8("\uFFFD"), want: -1 }],
  ["empty", { given: bytes(), want: -1 }],
  ["Latin-1 é between letters: its lead byte", { given: bytes(0x61, 0xe9, 0x62), want: 1 }],
  ["a three-byte sequence cut by an ASCII byte", { given: bytes(0x61, 0xe2, 0x28, 0xa1), want: 1 }],
  ["a stray continuation byte after a whole sequence", { given: bytes(0x61, 0xc3, 0xa9, 0x80), want: 3 }],
  ["a sequence cut short by the end of the file", { given: bytes(0x61, 0x62, 0xe2, 0x82), want: 2 }],
  ["a lone lead byte at the end", { given: bytes(0xe2, 0x82, 0xac, 0xe9), want: 3 }],
  ["0xff, never UTF-8", { given: bytes(0xff), want: 0 }],
  ["an overlong encoding (C0 80)", { given: bytes(0x41, 0xc0, 0x80), want: 1 }],
  ["a UTF-16 surrogate encoded as UTF-8 (ED A0 80)", { given: bytes(0xed, 0xa0, 0x80), want: 0 }],
  ["beyond U+10FFFF (F4 90 80 80)", { given: bytes(0xf4, 0x90, 0x80, 0x80), want: 0 }],
];

describe("firstInvalidUtf8", () => {
  it.each(CASES)("%s", (_name, { given, want }) => {
    expect(firstInvalidUtf8(given)).toBe(want);
  });
});
