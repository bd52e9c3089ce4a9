// What a request's Content-Type (its media type and parameters) and Content-Encoding say about how
// its body is written, for check 4 of docs/server.md: the server reads a body as JSON in UTF-8
// (RFC 8259 §8.1) with no content coding, so a body declared in another charset, or compressed,
// would be misread. Such a request is a 415 (RFC 9110 §15.5.16), never decoded as UTF-8 or parsed
// as compressed bytes.

/** Whether a Content-Type value names application/json (any parameters, any case). */
export function isJsonType(header: string): boolean {
  // The usual header, exactly, is decided without splitting and lower-casing it.
  if (header === "application/json") return true;
  const semicolon = header.indexOf(";");
  return (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase() === "application/json";
}

/**
 * The parameters of a Content-Type value (RFC 9110 §8.3.1, §5.6.6): `[name, value]` pairs after the
 * media type, names lower-cased, quoted values unquoted (`\` escapes removed). A `;` inside a quoted
 * value does not end it. Lenient where the grammar is not followed: whitespace around `=` is
 * allowed, a parameter without `=` is skipped, and text after a closing quote up to the next `;` is
 * ignored.
 */
export function mediaTypeParameters(header: string): [name: string, value: string][] {
  const out: [string, string][] = [];
  let i = header.indexOf(";");
  if (i === -1) return out;
  const n = header.length;
  while (i < n) {
    // header[i] is the ";" before a parameter.
    let j = i + 1;
    while (j < n && header[j] !== "=" && header[j] !== ";") j++;
    const name = header.slice(i + 1, j).trim().toLowerCase();
    if (j >= n || header[j] === ";") {
      i = j;
      continue;
    }
    j++; // past "="
    while (j < n && (header[j] === " " || header[j] === "\t")) j++;
    let value: string;
    if (header[j] === '"') {
      value = "";
      j++;
      while (j < n && header[j] !== '"') {
        if (header[j] === "\\" && j + 1 < n) j++;
        value += header[j];
        j++;
      }
      while (j < n && header[j] !== ";") j++;
    } else {
      const end = header.indexOf(";", j);
      value = header.slice(j, end === -1 ? n : end).trim();
      j = end === -1 ? n : end;
    }
    if (name !== "") out.push([name, value]);
    i = j;
  }
  return out;
}

/**
 * The labels the WHATWG Encoding Standard reads as UTF-8 (browsers and several HTTP clients send
 * `utf8`): a charset that is one of them, in any case, is UTF-8.
 */
const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"]);

/**
 * The first `charset` parameter of a Content-Type value that is not UTF-8 (one of UTF8_LABELS,
 * compared without case), or undefined when every `charset` it has (none, usually) is UTF-8.
 */
export function unsupportedCharset(contentType: string): string | undefined {
  // The usual header (`application/json`, or with `charset=utf-8`) is decided without parsing.
  if (!/charset/i.test(contentType)) return undefined;
  for (const [name, value] of mediaTypeParameters(contentType)) {
    if (name === "charset" && !UTF8_LABELS.has(value.toLowerCase())) return value;
  }
  return undefined;
}

/**
 * The content codings of a Content-Encoding value other than `identity` (RFC 9110 §8.4), as sent,
 * in order; empty when there is none (no header, `identity`, or an empty list). Duplicate headers
 * arrive joined with ", " (the server's `joinDuplicateHeaders`), so every one of them counts.
 */
export function contentCodings(contentEncoding: string | undefined): string[] {
  return codingsExcept(contentEncoding, IDENTITY);
}

/**
 * The transfer codings of a Transfer-Encoding value other than `chunked` (and `identity`, which
 * changes nothing), as sent, in order; empty when there is none. Node accepts any list whose last
 * coding is `chunked` (`gzip, chunked`) and removes only the chunking: the server decodes no other
 * transfer coding, so a body with one would be misread (RFC 9112 §6.1).
 */
export function transferCodings(transferEncoding: string | undefined): string[] {
  return codingsExcept(transferEncoding, IDENTITY_OR_CHUNKED);
}

const IDENTITY: ReadonlySet<string> = new Set(["identity"]);
const IDENTITY_OR_CHUNKED: ReadonlySet<string> = new Set(["identity", "chunked"]);

/** The members of a comma-separated coding list, trimmed, as sent and in order, but for empty ones and those in `ignored` (lower case, compared without case). */
function codingsExcept(list: string | undefined, ignored: ReadonlySet<string>): string[] {
  if (list === undefined) return [];
  const out: string[] = [];
  for (const member of list.split(",")) {
    const coding = member.trim();
    if (coding !== "" && !ignored.has(coding.toLowerCase())) out.push(coding);
  }
  return out;
}
