// Where a text that JSON.parse refused stops being JSON, said without quoting any of it: the
// engine's message quotes the text (V8's `Unexpected token 'A', "API_KEY=se"... is not valid JSON`),
// and a file given by mistake (a .env) would put its secrets on stderr and into a CI log. Used for
// the CLI's JSON options' @file/@- (src/cli/options.ts) and the reference server's seed file
// (src/server/seed.ts).

/**
 * Where `text` (which JSON.parse refused) stops being JSON (RFC 8259), without quoting any of it:
 * `unexpected character at line 3 column 7` or `it ends at line 1 column 4 before the JSON is
 * complete`. Found by a scan of its own, not from the engine's message, which may quote the text
 * (V8's `Unexpected token`, Bun's `Unexpected identifier "API_KEY"`). Iterative: a file of a million
 * `[` is scanned without a deep stack. Columns count code points.
 */
export function jsonSyntaxProblem(text: string): string {
  const at = jsonSyntaxErrorAt(text);
  const end = at >= text.length;
  const position = Math.min(at, text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  // Code points counted in place: spreading the line into an array of characters (as this did)
  // took 1.6 GB for a 64 MiB one-line seed file. A surrogate pair is one code point; a lone
  // surrogate, as the spread counted it, one too.
  let column = 1;
  for (let i = lineStart; i < position; i++, column++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < position) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  const where = `line ${line} column ${column}`;
  return end ? `it ends at ${where} before the JSON is complete` : `unexpected character at ${where}`;
}

/** The index of the first character at which `text` is not JSON (`text.length`: it ends early); -1 when it is JSON. */
export function jsonSyntaxErrorAt(text: string): number {
  const n = text.length;
  const open: number[] = []; // the char codes of the containers open: { or [
  let i = 0;
  const skipSpace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      i++;
    }
  };
  const digits = (): boolean => {
    const start = i;
    while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    return i > start;
  };
  /** Past a string starting at i (a `"`); false when it is not one (i at the fault). */
  const string = (): boolean => {
    if (text.charCodeAt(i) !== 34) return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === undefined) {
          i = n;
          return false;
        }
        if (e === "u") {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) {
              i = n;
              return false;
            }
            if (!/[0-9a-fA-F]/.test(text[i + k] as string)) {
              i += k;
              return false;
            }
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  /** Past a key and its colon (i at the key); false when they are not there. */
  const key = (): boolean => {
    if (!string()) return false;
    skipSpace();
    if (text.charCodeAt(i) !== 58) return false;
    i++;
    return true;
  };
  for (;;) {
    // A value is expected at i.
    skipSpace();
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    let opened = false;
    if (c === 123 || c === 91) {
      i++;
      skipSpace();
      if (text.charCodeAt(i) === (c === 123 ? 125 : 93)) i++;
      else {
        open.push(c);
        opened = true;
        if (c === 123 && !key()) return i;
      }
    } else if (c === 34) {
      if (!string()) return i;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      if (c === 45) i++;
      if (text.charCodeAt(i) === 48) i++;
      else if (!digits()) return i;
      if (text.charCodeAt(i) === 46) {
        i++;
        if (!digits()) return i;
      }
      if (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69) {
        i++;
        if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) i++;
        if (!digits()) return i;
      }
    } else {
      const word = c === 116 ? "true" : c === 102 ? "false" : c === 110 ? "null" : undefined;
      if (word === undefined) return i;
      for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) return i;
    }
    if (opened) continue;
    // After a value: a comma, a closing bracket, or the end.
    for (;;) {
      skipSpace();
      const container = open.at(-1);
      if (container === undefined) return i < n ? i : -1;
      const d = text.charCodeAt(i);
      if (d === 44) {
        i++;
        if (container === 123) {
          skipSpace();
          if (!key()) return i;
        }
        break;
      }
      if (d !== (container === 123 ? 125 : 93)) return i;
      open.pop();
      i++;
    }
  }
}
