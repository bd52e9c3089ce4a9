// The resolver lint and bundle share (Redocly's BaseResolver), kept to the spec's folder: the folder
// of the root file (openapi/). A `$ref` to a URL (http, https, file, data) is never fetched, and one
// to a file outside the folder (by `..`, an absolute path or a symlink inside it) is never read:
// a spec edit that CI regenerates could otherwise have the pipeline fetch a document (and hang on a
// server that never answers) or bundle any file the job can read into generated/. Redocly reports
// the refusal at the `$ref` (no-unresolved-refs), with the reason.
//
// It also refuses a file whose YAML aliases repeat more than MAX_REPEATED nodes: an alias shares
// its anchor's parsed node, which every step after the parse walks or copies once per alias, so
// eight lines of aliases (a "billion laughs", 10^8 nodes) ran lint out of memory; an alias inside
// its own anchor (a cycle) overflowed the stack. Reported at the file's first alias (yaml).
import fs from "node:fs";
import path from "node:path";
import { BaseResolver, YamlParseError } from "@redocly/openapi-core";

const RULE = "a $ref must name a file inside the spec's folder";

/** Why `absoluteRef` (Redocly's: a URL, or an absolute path) may not be read, or undefined. */
function refusal(absoluteRef, folder, realFolder) {
  if (!path.isAbsolute(absoluteRef)) return `${RULE} (${path.basename(folder)}/): ${absoluteRef} is a URL: URLs are never fetched`;
  const inside = (dir, file) => {
    const rel = path.relative(dir, file);
    return rel !== "" && rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
  };
  if (!inside(folder, absoluteRef)) return `${RULE} (${path.basename(folder)}/): ${absoluteRef} is outside it`;
  let real;
  try {
    real = fs.realpathSync(absoluteRef);
  } catch {
    return undefined; // missing: Redocly says so
  }
  if (!inside(realFolder, real)) return `${RULE} (${path.basename(folder)}/): ${path.relative(folder, absoluteRef)} is outside it (a symlink to ${real})`;
  return undefined;
}

/** The most nodes a file's aliases may repeat: far more than sharing a few blocks needs. */
const MAX_REPEATED = 100_000;

/** An anchor (`&name`) and its name. */
const ANCHOR = /(?:^|[\s[{,:-])&([^\s[\]{},]+)/gm;

/**
 * Whether the parsed `text` may share a node: it has an anchor whose alias (`*name`) appears too.
 * Cheap (~15 ms on GitHub's 12 MiB spec, whose `{&page}` is no anchor), so only such text is walked.
 */
function mayAlias(text) {
  const names = new Set(Array.from(text.matchAll(ANCHOR), (m) => m[1]));
  for (const name of names) if (text.includes(`*${name}`)) return true;
  return false;
}

/**
 * How many more nodes `value` has with every shared node counted at each place it appears than
 * with each counted once (Infinity for a node inside itself).
 */
function repeatedNodes(value) {
  const sizes = new Map(); // a node → its size with every shared node repeated; null while inside it
  let written = 0;
  const size = (node) => {
    if (node === null || typeof node !== "object") return 1;
    if (sizes.has(node)) return sizes.get(node) ?? Infinity;
    sizes.set(node, null);
    written++;
    let total = 1;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child === null || typeof child !== "object") written++;
      total += size(child);
    }
    sizes.set(node, total);
    return total;
  };
  try {
    return size(value) - written;
  } catch (err) {
    if (err instanceof RangeError) return Infinity; // aliases nested deeper than the stack: no file needs that
    throw err;
  }
}

/** Where the first alias (`*name`) of `text` is, 1-based; line 1 when it cannot be told. */
async function firstAlias(text) {
  try {
    const { parseDocument, visit } = await import("yaml");
    let offset;
    visit(parseDocument(text, { uniqueKeys: false }), {
      Alias(_key, node) {
        offset = node.range[0];
        return visit.BREAK;
      },
    });
    if (offset === undefined) return { line: 1, col: 1 };
    const before = text.slice(0, offset).split("\n");
    return { line: before.length, col: before[before.length - 1].length + 1 };
  } catch {
    return { line: 1, col: 1 };
  }
}

/** A BaseResolver for the spec whose root file is `root` (its folder is the spec's folder). */
export function specResolver(config, root) {
  const rootFile = path.resolve(root);
  const folder = path.dirname(rootFile);
  const realFolder = fs.realpathSync(folder);
  class SpecResolver extends BaseResolver {
    async loadExternalRef(absoluteRef) {
      const why = absoluteRef === rootFile ? undefined : refusal(absoluteRef, folder, realFolder);
      if (why !== undefined) throw new Error(why);
      return super.loadExternalRef(absoluteRef);
    }

    // BaseResolver.parseDocument is synchronous; resolveDocument awaits whatever it returns.
    parseDocument(source, isRoot = false) {
      const document = super.parseDocument(source, isRoot);
      if (typeof source.body !== "string" || !mayAlias(source.body) || repeatedNodes(document.parsed) <= MAX_REPEATED) return document;
      return firstAlias(source.body).then(({ line, col }) => {
        const error = new YamlParseError(new Error(`YAML aliases here repeat more than ${MAX_REPEATED} nodes: write the value out, or share it by $ref`), source);
        Object.assign(error, { line, col });
        throw error;
      });
    }
  }
  return new SpecResolver(config);
}
