// Maps a JSON Pointer into the bundled spec back to the hand-written file and line it came from,
// so that problems found after bundling (by AJV, by our own checks) still name file:line.
//
// It follows the layout convention of openapi/ (see openapi/README.md): a component `X` of kind
// `schemas` lives in `components/schemas/X.yaml`; a path item is whatever file the root's `paths`
// entry `$ref`s. Inside a file it walks the YAML, following `$ref`s to other files.
import fs from "node:fs";
import path from "node:path";
import { parseDocument, isMap, isSeq, isScalar } from "yaml";

const cache = new Map();
function load(file) {
  if (!cache.has(file)) {
    const text = fs.readFileSync(file, "utf8");
    cache.set(file, { text, doc: parseDocument(text, { keepSourceTokens: false }) });
  }
  return cache.get(file);
}

function lineCol(text, offset) {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, col: offset - last };
}

function unescape(segment) {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Walks `segments` from the root of `file`; returns the deepest file/line reached. */
function walk(file, segments) {
  const { text, doc } = load(file);
  let node = doc.contents;
  let best = node;
  for (let i = 0; i < segments.length; i++) {
    if (isMap(node)) {
      const ref = node.get("$ref");
      if (typeof ref === "string" && !ref.startsWith("#") && !node.has(segments[i])) {
        const target = path.resolve(path.dirname(file), ref.split("#")[0]);
        if (fs.existsSync(target)) return walk(target, segments.slice(i));
      }
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === segments[i]);
      if (!pair) break;
      best = pair.key ?? pair.value;
      node = pair.value;
    } else if (isSeq(node)) {
      const child = node.items[Number(segments[i])];
      if (!child) break;
      best = child;
      node = child;
    } else break;
  }
  if (isMap(node)) {
    const ref = node.get("$ref");
    if (typeof ref === "string" && !ref.startsWith("#")) {
      const target = path.resolve(path.dirname(file), ref.split("#")[0]);
      if (fs.existsSync(target)) return walk(target, []);
    }
  }
  const offset = best?.range?.[0] ?? 0;
  return { file, ...lineCol(text, offset) };
}

/**
 * @param {string} rootFile  the spec's openapi.yaml
 * @param {string} pointer   a JSON Pointer into the bundled document, like `/components/schemas/X/properties/a`
 * @returns {{ file: string, line: number, col: number }}
 */
export function locate(rootFile, pointer) {
  cache.clear();
  const segments = pointer.split("/").slice(1).map(unescape);
  try {
    if (segments[0] === "components" && segments.length >= 3) {
      const file = path.join(path.dirname(rootFile), "components", segments[1], `${segments[2]}.yaml`);
      if (fs.existsSync(file)) return walk(file, segments.slice(3));
    }
    return walk(rootFile, segments);
  } catch {
    return { file: rootFile, line: 0, col: 0 };
  }
}
