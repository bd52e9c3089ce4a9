// Maps a JSON Pointer into the bundled spec back to the hand-written file and line it came from,
// so that problems found after bundling (by AJV, by our own checks) still name file:line.
//
// It follows the layout convention of openapi/ (see openapi/README.md): a component `X` of kind
// `schemas` lives in `components/schemas/X.yaml`; a path item is whatever file the root's `paths`
// entry `$ref`s. Inside a file it walks the YAML, following `$ref`s to other files (to the place
// their fragment names, `Defs.yaml#/$defs/Name`). A component the bundle made of another `$ref`
// (one with a fragment, or to a file outside the convention) is named after the fragment's last
// segment, or the file's name (Redocly's basename strategy): it is found where a `$ref` of the spec
// that gives that name leads.
import fs from "node:fs";
import path from "node:path";
import { parseDocument, isAlias, isMap, isSeq, isScalar } from "yaml";
import { escapePointer } from "./spec.mjs";

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

/**
 * Where a `$ref` written in `file` leads: `{ file, segments }` (the fragment's, unescaped), or
 * undefined when its file does not exist. A local ref (`#/…`) leads into `file` itself.
 */
function refTarget(file, ref) {
  const hash = ref.indexOf("#");
  const uri = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? "" : ref.slice(hash + 1);
  const target = uri === "" ? file : path.resolve(path.dirname(file), uri);
  if (!fs.existsSync(target) || !fs.statSync(target).isFile()) return undefined;
  const segments = fragment.split("/").filter((s) => s !== "").map((s) => {
    const plain = unescape(s);
    try {
      return decodeURIComponent(plain);
    } catch {
      return plain;
    }
  });
  return { file: target, segments };
}

/** Most `$ref`s walk follows in a row (a `$ref` that leads back to itself ends there). */
const MAX_HOPS = 64;

/** Walks `segments` from the root of `file`; returns the deepest file/line reached. */
function walk(file, segments, ctx, hops = 0) {
  const { text, doc } = load(file);
  // A local `$ref` is followed in any file but the root: there it names the bundle's own components.
  const follow = (ref) => typeof ref === "string" && hops < MAX_HOPS && (!ref.startsWith("#") || file !== ctx.rootFile) ? refTarget(file, ref) : undefined;
  let node = doc.contents;
  let best = node;
  for (let i = 0; i < segments.length; i++) {
    // An alias (`b: *name`) is its anchor's node: what lies below it is written there (`a: &name`).
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const target = node.has(segments[i]) ? undefined : follow(node.get("$ref"));
      if (target) return walk(target.file, [...target.segments, ...segments.slice(i)], ctx, hops + 1);
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
  if (isAlias(node)) node = node.resolve(doc);
  if (isMap(node)) {
    const ref = node.get("$ref");
    const target = typeof ref === "string" && !ref.startsWith("#") ? follow(ref) : undefined;
    if (target) return walk(target.file, target.segments, ctx, hops + 1);
  }
  const offset = best?.range?.[0] ?? 0;
  return { file, ...lineCol(text, offset) };
}

/** The component kind of what a `$ref` stands for, from the key of the map or list holding it (`headers:` → `X-Id:` → `$ref`). */
const KIND_OF_GROUP = { headers: "headers", parameters: "parameters", responses: "responses", examples: "examples", links: "links", callbacks: "callbacks" };

/**
 * Every string `$ref` in a parsed YAML node, with the component kind the bundle would file it
 * under, read from where it is written: `{ ref, kind }` (a schema unless the place says otherwise).
 */
function refsIn(node, out = [], keys = []) {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (key === "$ref" && isScalar(pair.value) && typeof pair.value.value === "string") {
        const kind = keys.at(-1) === "requestBody" ? "requestBodies" : (KIND_OF_GROUP[keys.at(-2)] ?? "schemas");
        out.push({ ref: pair.value.value, kind });
      } else refsIn(pair.value, out, [...keys, key]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => refsIn(item, out, [...keys, i]));
  }
  return out;
}

/**
 * Where the `$ref`s of the spec (from the root file, through the files they lead to) lead that the
 * bundle would name `name`, as a component of its own (not one of the root file's own
 * `#/components/…`, nor a whole file the layout convention names so): `{ file, segments }`, the
 * first of kind `kind` (a header and a schema may share a name), else the first.
 */
function bundledOrigin(rootFile, kind, name) {
  const seen = new Set([rootFile]);
  const queue = [rootFile];
  let other;
  while (queue.length > 0) {
    const file = queue.shift();
    let refs;
    try {
      refs = refsIn(load(file).doc.contents);
    } catch {
      continue;
    }
    for (const { ref, kind: refKind } of refs) {
      if (ref.startsWith("#") && file === rootFile) continue;
      const target = refTarget(file, ref);
      if (!target) continue;
      if (!seen.has(target.file)) {
        seen.add(target.file);
        queue.push(target.file);
      }
      const last = target.segments.at(-1);
      const named = last === undefined ? path.basename(target.file).replace(/\.[^.]+$/, "") : escapePointer(last);
      const conventional = last === undefined && /^components\/[^/]+\/[^/]+\.yaml$/.test(path.relative(path.dirname(rootFile), target.file).split(path.sep).join("/"));
      if (named === name && !conventional) {
        if (refKind === kind) return target;
        other ??= target;
      }
    }
  }
  return other;
}

/** Whether the root file itself defines `components.<kind>.<name>`. */
function hasComponent(rootFile, kind, name) {
  const components = load(rootFile).doc.contents;
  const group = isMap(components) ? components.get("components")?.get?.(kind) : undefined;
  return isMap(group) && group.has(name);
}

/**
 * @param {string} rootFile  the spec's openapi.yaml
 * @param {string} pointer   a JSON Pointer into the bundled document, like `/components/schemas/X/properties/a`
 * @returns {{ file: string, line: number, col: number }}
 */
export function locate(rootFile, pointer) {
  cache.clear();
  const segments = pointer.split("/").slice(1).map(unescape);
  const ctx = { rootFile };
  try {
    if (segments[0] === "components" && segments.length >= 3) {
      const file = path.join(path.dirname(rootFile), "components", segments[1], `${segments[2]}.yaml`);
      if (fs.existsSync(file)) return walk(file, segments.slice(3), ctx);
      // Not the root file's own: a component the bundle made of a fragment (or a file elsewhere).
      if (!hasComponent(rootFile, segments[1], segments[2])) {
        const origin = bundledOrigin(rootFile, segments[1], segments[2]);
        if (origin) return walk(origin.file, [...origin.segments, ...segments.slice(3)], ctx);
      }
    }
    return walk(rootFile, segments, ctx);
  } catch {
    return { file: rootFile, line: 0, col: 0 };
  }
}
