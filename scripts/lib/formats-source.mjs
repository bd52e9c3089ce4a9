// The source of the format checks a spec uses, cut out of scripts/runtime/formats.js, for inlining
// into generated/validators.js: only the `formats` entries named, and the top-level declarations
// they reach (transitively), in the file's order — a spec that uses date-time and uri does not
// carry int32 or regex. The file's layout is the contract: top-level declarations separated by
// blank lines, then `export const formats = {` with one `name: expression,` entry a line.
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const FILE = fileURLToPath(new URL("../runtime/formats.js", import.meta.url));
const HEADER = "// Format checks ported from ajv-formats 3 (\"full\" mode, MIT licence, (c) Evgeny Poberezkin; the notice is at the top of this file): those this spec uses (scripts/runtime/formats.js).";

let parsed = null;

function parse() {
  if (parsed) return parsed;
  const text = fs.readFileSync(FILE, "utf8").replace(/\r\n/g, "\n");
  const start = text.indexOf("\nexport const formats = {\n");
  const end = text.indexOf("\n};", start);
  if (start === -1 || end === -1) throw new Error(`${FILE}: no \`export const formats = {\` block`);
  const declarations = [];
  for (const chunk of text.slice(0, start).split(/\n\s*\n/)) {
    const code = chunk.split("\n").filter((line) => !line.startsWith("//")).join("\n").trim();
    if (!code) continue;
    const name = /^(?:const|let|function)\s+([A-Za-z_$][\w$]*)/.exec(code)?.[1];
    if (!name) throw new Error(`${FILE}: a top-level chunk that declares nothing: ${code.slice(0, 60)}`);
    declarations.push({ name, code });
  }
  const entries = new Map();
  for (const line of text.slice(start + "\nexport const formats = {\n".length, end).split("\n")) {
    const m = /^ {2}(?:"([^"]+)"|([A-Za-z_$][\w$]*)): (.+),$/.exec(line);
    if (!m) throw new Error(`${FILE}: an entry of \`formats\` that is not one \`name: expression,\` line: ${line}`);
    entries.set(m[1] ?? m[2], line);
  }
  const names = new Set(declarations.map((d) => d.name));
  const refs = (code) => new Set([...code.matchAll(/[A-Za-z_$][\w$]*/g)].map(([w]) => w).filter((w) => names.has(w)));
  for (const d of declarations) d.refs = refs(d.code);
  parsed = { declarations, entries, refs };
  return parsed;
}

/** The format names scripts/runtime/formats.js defines. */
export function portedFormats() {
  return [...parse().entries.keys()];
}

/** The function a format's entry names (`"date-time": dateTime` → `dateTime`), or null for any other entry. */
export function formatReference(name) {
  const line = parse().entries.get(name);
  const m = line && /: ([A-Za-z_$][\w$]*),$/.exec(line);
  return m ? m[1] : null;
}

/**
 * @param {Iterable<string>} used  format names, each an entry of scripts/runtime/formats.js
 * @param {{ table?: boolean }} [options]  table: false leaves out `const formats = {…}` (the code
 *   reads no format from it: see formatReference)
 * @returns {string} declarations + `const formats = {…};`, no exports
 */
export function formatsSource(used, { table = true } = {}) {
  const { declarations, entries, refs } = parse();
  const wanted = [...entries.keys()].filter((name) => [...used].includes(name));
  const missing = [...used].filter((name) => !entries.has(name));
  if (missing.length) throw new Error(`scripts/runtime/formats.js has no format ${missing.join(", ")}`);
  const needed = new Set();
  const visit = (name) => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const r of declarations.find((d) => d.name === name).refs) visit(r);
  };
  for (const name of wanted) for (const r of refs(entries.get(name))) visit(r);
  // One-line constants one after the other, then each function after a blank line.
  let out = HEADER;
  let previousOneLine = false;
  for (const { code } of declarations.filter((d) => needed.has(d.name))) {
    const oneLine = !code.includes("\n");
    out += `${oneLine && previousOneLine ? "\n" : "\n\n"}${code}`;
    previousOneLine = oneLine;
  }
  return table ? `${out}\n\nconst formats = {\n${wanted.map((name) => entries.get(name)).join("\n")}\n};` : out;
}
