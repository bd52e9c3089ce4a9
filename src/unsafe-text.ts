// Text from elsewhere (a server's answer printed by the CLI, a client's field names in the reference
// server's log) must not drive or disguise the terminal or log viewer it is shown in: shared by the
// CLI (src/cli/program.ts), the reference server's request log (src/server/index.ts) and the
// client's error messages (src/errors.ts).
//
// Unsafe: control characters (Unicode category Cc: C0, DEL and C1; U+009B is a CSI to terminals
// that read 8-bit controls), the bidirectional formatting characters (property Bidi_Control: the
// embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, and the marks U+061C, U+200E,
// U+200F, which reorder what is shown), and the line and paragraph separators U+2028 and U+2029
// (which some viewers break lines at, so one log line could show as two).

const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]+/gu;

/** The unsafe characters that `JSON.stringify` leaves as they are (it escapes only C0). */
const UNESCAPED_IN_JSON = /[\u007f-\u009f\p{Bidi_Control}\u2028\u2029]/gu;

/** One line of text: each run of unsafe characters becomes a space, whitespace is collapsed and trimmed. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
}

/**
 * `oneLine(text)` of at most `max` characters (code points; `max` ≥ 1): a longer one is cut and ends
 * in `…`. Text over 4 × `max` UTF-16 units is cut before it is cleaned, so a megabyte costs no more
 * than a line.
 */
export function boundedLine(text: string, max: number): string {
  const long = text.length > max * 4;
  const line = oneLine(long ? text.slice(0, max * 4) : text);
  const chars = Array.from(line);
  if (!long && chars.length <= max) return line;
  // A surrogate pair the first cut split leaves its high half alone at the end: dropped.
  return `${chars.slice(0, max - 1).join("").replace(/[\uD800-\uDBFF]$/, "").trimEnd()}…`;
}

/**
 * JSON text (from `JSON.stringify`, pino, …) with the unsafe characters it left as they are written
 * as `\uXXXX` escapes: the same JSON value, safe to print. Such a character can only be inside a
 * string of the JSON text, where the escape means the same; a line break between tokens (C0) is
 * left alone.
 */
export function escapeUnsafeInJson(json: string): string {
  return json.replace(UNESCAPED_IN_JSON, unicodeEscape);
}

/** A character of the Basic Multilingual Plane as the JSON escape `\uXXXX` (what `escapeUnsafeInJson` writes). */
export function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
