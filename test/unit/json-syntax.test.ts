// jsonSyntaxProblem (src/json-syntax.ts) names where a text stops being JSON by line and column,
// columns in code points. It once counted them by spreading the line into an array of characters:
// a 64 MiB one-line seed file (`puffle mock --data`, loadSeed) peaked at 1.6 GB. Held here: the
// messages for lines of multi-byte characters (what the spread counted), and a count during which
// the peak memory grows by less than the line's own size (the built dist/json-syntax.js, in a node
// of its own).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { jsonSyntaxProblem } from "../../src/json-syntax.js";
import { root } from "../helpers.js";

describe("jsonSyntaxProblem's columns", () => {
  it("count code points: a surrogate pair is one column, a lone surrogate one, line breaks reset it", () => {
    const cases: [string, string][] = [
      // é is one UTF-16 unit, 😀 two: both one column.
      ['["\u00e9\u{1F600}", x]', "unexpected character at line 1 column 8"],
      ['["\u{1F600}\u{1F600}\u{1F600}"] x', "unexpected character at line 1 column 9"],
      // Lone surrogates (JSON.parse takes them in a string) count one column each, as the spread did.
      ['["\uD83D", "\uDE00\uD83D"] x', "unexpected character at line 1 column 13"],
      // The column of a later line counts from that line's start (LF, CRLF and a lone CR end a line).
      ['[\n"\u{1F600}",\r\n  "\u00e9\u{1F600}\u{1F600}",\r  x]', "unexpected character at line 4 column 3"],
      ['["\u{1F600}\u4E2D', "it ends at line 1 column 5 before the JSON is complete"],
      ['{"\u{1F600}": 1,\n "\u4E2D\u{1F600}": }', "unexpected character at line 2 column 8"],
    ];
    for (const [text, want] of cases) expect(jsonSyntaxProblem(text), JSON.stringify(text)).toBe(want);
  });

  it("agrees with counting the line's code points by spreading it, for lines of mixed widths", () => {
    const pieces = ["a", "\u00e9", "\u4E2D", "\u{1F600}", "\uD83D", "\uDE00", " ", "\n", "\r\n"];
    let state = 7;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    for (let round = 0; round < 200; round++) {
      let inner = "";
      for (let k = next(30); k > 0; k--) inner += pieces[next(pieces.length)];
      // The fault (x) comes after strings holding the pieces (none holds a quote or a backslash);
      // the line breaks sit between the strings.
      const text = `[${inner.split(/\r\n|\n/).map((part) => `"${part}"`).join(",\n")}, x]`;
      const at = text.lastIndexOf("x");
      const lineStart = Math.max(text.lastIndexOf("\n", at), text.lastIndexOf("\r", at)) + 1;
      const line = text.slice(0, at).split(/\r\n|\r|\n/).length;
      expect(jsonSyntaxProblem(text), JSON.stringify(text)).toBe(`unexpected character at line ${line} column ${[...text.slice(lineStart, at)].length + 1}`);
    }
  });

  it("counts a long line's columns without a copy of it: a 15 MB line, the process's peak memory grows by less than that", () => {
    // The spread made an array of one element per character, 8 bytes each and more with its growth
    // (120 MB here; 1.6 GB for a 64 MiB seed). Measured in a process of its own by its peak resident
    // size (resourceUsage's maxRSS, a high-water mark: no timing, no garbage collection to wait for).
    const script = `
      const { jsonSyntaxProblem } = await import(${JSON.stringify(pathToFileURL(path.join(root, "dist/json-syntax.js")).href)});
      // Warmed up first on a short line: the first run's compilation and inline caches grew maxRSS
      // by ~5 MiB (a third of the margin), none after a warm-up, on a busy machine too.
      const short = "[" + '"a\u00e9",'.repeat(2_000) + " x]";
      for (let k = 0; k < 200; k++) jsonSyntaxProblem(short);
      const text = "[" + '"a\u00e9",'.repeat(3_000_000) + " x]";
      text.charCodeAt(1); // the text made flat before the measure
      const before = process.resourceUsage().maxRSS;
      const message = jsonSyntaxProblem(text);
      const grewKiB = process.resourceUsage().maxRSS - before;
      process.stdout.write(JSON.stringify({ message, grewMiB: Math.round(grewKiB / 1024), textMiB: Math.round(text.length / 1024 / 1024) }));
    `;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const { message, grewMiB, textMiB } = JSON.parse(run.stdout) as { message: string; grewMiB: number; textMiB: number };
    expect(message).toBe(`unexpected character at line 1 column ${1 + 3_000_000 * 5 + 2}`);
    expect(textMiB).toBe(14);
    expect(grewMiB, run.stdout).toBeLessThan(textMiB);
  });
});
