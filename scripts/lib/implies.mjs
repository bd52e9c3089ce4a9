// Whether a `pattern` implies a `format`: every string the pattern's regex accepts, the format
// accepts too. The validators step uses it to check the format only where the pattern failed (a
// string beside both keywords, as the spec's UUIDs are): the same verdicts and the same issues, one
// regex less per valid value. Proven, not guessed: the pattern is read into the fixed-length shapes
// it accepts (a list of character sets per position); anything this reader does not understand —
// a quantifier that is not `{n}`, `.`, a negated class, a lookaround, a backreference, an escape
// other than `\d` or a punctuation character, a flag other than `u`, an anchor anywhere but around
// the whole pattern, more than LIMIT shapes — means "not proven", and both checks stay.

const LIMIT = 64;
const HEX = new Set("0123456789abcdefABCDEF");

class Unsupported extends Error {}

/** The shapes a pattern accepts, each an array of Sets of characters (one per position); null when not read. */
export function fixedShapes(source, flags = "") {
  if (flags !== "" && flags !== "u") return null;
  let i = 0;
  const peek = () => source[i];
  const unsupported = () => {
    throw new Unsupported();
  };
  const ascii = (c) => (c !== undefined && c.charCodeAt(0) < 128 ? c : unsupported());
  const charRange = (from, to) => {
    const out = [];
    for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(String.fromCharCode(c));
    return out;
  };
  const digits = () => charRange("0", "9");

  // An escape after `\`: the characters it stands for (`\-` only in a class, as the `u` flag has it).
  const escape = (inClass) => {
    const c = ascii(source[i++]);
    if (c === "d") return digits();
    if (/[\^$\\.*+?()[\]{}|/]/.test(c) || (inClass && c === "-")) return [c];
    return unsupported();
  };
  const charClass = () => {
    if (peek() === "^") unsupported();
    const set = new Set();
    while (peek() !== "]") {
      if (i >= source.length) unsupported();
      const from = source[i++] === "\\" ? escape(true) : [ascii(source[i - 1])];
      if (peek() === "-" && source[i + 1] !== "]" && from.length === 1) {
        i++;
        const to = source[i++] === "\\" ? escape(true) : [ascii(source[i - 1])];
        if (to.length !== 1 || to[0] < from[0]) unsupported();
        for (const c of charRange(from[0], to[0])) set.add(c);
      } else for (const c of from) set.add(c);
    }
    i++;
    if (set.size === 0) unsupported();
    return set;
  };
  const times = (shapes, n) => {
    let out = [[]];
    for (let k = 0; k < n; k++) out = product(out, shapes);
    return out;
  };
  const product = (lefts, rights) => {
    if (lefts.length * rights.length > LIMIT) unsupported();
    return lefts.flatMap((l) => rights.map((r) => [...l, ...r]));
  };
  const quantifier = () => {
    if (peek() === "{") {
      const m = /^\{(\d{1,3})\}/.exec(source.slice(i));
      if (!m) unsupported();
      i += m[0].length;
      return Number(m[1]);
    }
    if (peek() === "*" || peek() === "+" || peek() === "?") unsupported();
    return 1;
  };
  const atom = () => {
    const c = source[i++];
    if (c === "(") {
      if (source.startsWith("?:", i)) i += 2;
      else if (peek() === "?") unsupported();
      const shapes = alternatives();
      if (source[i++] !== ")") unsupported();
      return shapes;
    }
    if (c === "[") return [[charClass()]];
    if (c === "\\") return [[new Set(escape(false))]];
    if (".^$*+?{}|)]".includes(c)) unsupported();
    return [[new Set([ascii(c)])]];
  };
  const isEnd = () => i >= source.length || peek() === "|" || peek() === ")" || (peek() === "$" && i === source.length - 1);
  const sequence = () => {
    let shapes = [[]];
    while (!isEnd()) {
      const part = atom();
      shapes = product(shapes, times(part, quantifier()));
    }
    return shapes;
  };
  const alternatives = () => {
    const shapes = sequence();
    while (peek() === "|") {
      i++;
      shapes.push(...sequence());
      if (shapes.length > LIMIT) unsupported();
    }
    return shapes;
  };

  try {
    if (source[i++] !== "^") return null;
    // One sequence, not alternatives: in `^a|b$` the anchors bind to one alternative each.
    const shapes = sequence();
    if (source[i] !== "$" || i !== source.length - 1) return null;
    return shapes;
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

/**
 * Formats a pattern can be proven to imply, each by the shapes it accepts: `uuid` is ajv-formats'
 * `/^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i` — of 36 characters, hexadecimal
 * digits in either case with a hyphen at 8, 13, 18 and 23, every string of that shape.
 */
const FORMATS = {
  uuid: (shape) =>
    shape.length === 36 &&
    shape.every((set, at) => [...set].every((c) => (at === 8 || at === 13 || at === 18 || at === 23 ? c === "-" : HEX.has(c)))),
};

/** Whether every string `new RegExp(source, flags)` accepts, format `format` accepts too (false when not proven). */
export function impliesFormat(format, source, flags = "") {
  const accepts = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
  if (accepts === undefined) return false;
  const shapes = fixedShapes(source, flags);
  return shapes !== null && shapes.length > 0 && shapes.every(accepts);
}
