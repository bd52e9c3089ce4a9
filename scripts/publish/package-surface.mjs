// The comparison behind `npm run diff:package` (scripts/diff-package.mjs): two packed packages, each
// extracted to a folder, compared as their users meet them. Each check returns findings
// `{ severity, group, rule, where, message }`, severity "breaking" (✖), "review" (?: a change the
// checks cannot classify) or "notable" (•).
//   packageJson  package.json: name, exports (resolved per condition set), bin, engines.node,
//                dependencies, peerDependencies, type, main/types/typesVersions
//   files        files removed from the tarball
//   typeSurface  each exports entry's declarations through the TypeScript compiler API: names
//                removed or added, each kept name's declaration and (where the types are the
//                package's own) its members, parameters and options; module augmentations
//   cliSurface   each bin's `--help` and every subcommand's: commands, options, their arguments
//                and choices
// Written for reading, not for speed: a package of this size takes a second or two.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import ts from "typescript";

const finding = (severity, group, rule, where, message) => ({ severity, group, rule, where, message });
const json = (v) => JSON.stringify(v);
/** `text` on one line, cut to `max` characters. */
function short(text, max = 120) {
  const one = String(text).replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

// ---------------------------------------------------------------------------------------------
// package.json

/** Condition sets an `exports` entry is resolved under (Node's, TypeScript's, a bundler's for a browser). */
const CONDITION_SETS = {
  import: ["node", "import"],
  require: ["node", "require"],
  "types (import)": ["types", "node", "import"],
  "types (require)": ["types", "node", "require"],
  browser: ["browser", "import"],
};

/** The target `value` (an exports entry) resolves to under `conditions` ("default" always matches), or null. */
function resolveConditions(value, conditions) {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const r = resolveConditions(v, conditions);
      if (r !== null) return r;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key !== "default" && !conditions.includes(key)) continue;
      if (v === null) return null; // explicitly not exported under this condition
      const r = resolveConditions(v, conditions);
      if (r !== null) return r;
    }
  }
  return null;
}

/** The exports map by subpath, or null when the package has none (then `main`/`types` give "."). */
function exportsMap(pkg) {
  const e = pkg.exports;
  if (e === undefined || e === null) return null;
  if (typeof e === "string" || Array.isArray(e) || !Object.keys(e).some((k) => k.startsWith("."))) return { ".": e };
  return e;
}

/** Subpath → condition set → target ("./dist/x.js"), for the map or, without one, main/types. */
function resolutions(pkg) {
  const map = exportsMap(pkg) ?? { ".": { types: pkg.types ?? pkg.typings, default: pkg.main ?? "./index.js" } };
  const out = new Map();
  for (const [sub, value] of Object.entries(map)) {
    const bySet = new Map();
    for (const [name, conditions] of Object.entries(CONDITION_SETS)) {
      const r = resolveConditions(value, conditions);
      if (typeof r === "string") bySet.set(name, r);
    }
    out.set(sub, bySet);
  }
  return out;
}

const filePath = (target) => path.posix.normalize(target.replace(/^\.\//, ""));

function binMap(pkg) {
  if (typeof pkg.bin === "string") return { [String(pkg.name ?? "").split("/").pop()]: pkg.bin };
  return pkg.bin && typeof pkg.bin === "object" ? pkg.bin : {};
}

/** "0.17" for 0.17.x, "14" for 14.x: what a caret range keeps compatible. */
function majorOf(range) {
  let v;
  try {
    v = semver.minVersion(range);
  } catch {
    return null;
  }
  if (!v) return null;
  if (v.major > 0) return String(v.major);
  return v.minor > 0 ? `0.${v.minor}` : `0.0.${v.patch}`;
}

export function packageJson(base, head) {
  const out = [];
  const add = (severity, rule, where, message) => out.push(finding(severity, "package.json", rule, where, message));
  const b = base.pkg;
  const h = head.pkg;
  if (b.name !== h.name) add("breaking", "name", "name", `${json(b.name)} → ${json(h.name)}: installed and imported under another name`);

  // exports: each subpath resolved under each condition set, so that a condition dropped while
  // "default" still leads to the same file is no change.
  const bMap = exportsMap(b);
  const hMap = exportsMap(h);
  if (!bMap && hMap) add("breaking", "exports-added", "exports", "an exports map where there was none: only its entries can be imported now (a deep import of any other file fails)");
  if (bMap && !hMap) add("review", "exports-removed", "exports", "the exports map is gone: every file can be imported by path, main/types decide the root");
  const bRes = resolutions(b);
  const hRes = resolutions(h);
  for (const [sub, bSets] of bRes) {
    const hSets = hRes.get(sub);
    const where = `exports ${json(sub)}`;
    if (!hSets) {
      add("breaking", "export-removed", where, `removed: import ${json(`${h.name ?? b.name}${sub.slice(1)}`)} no longer resolves`);
      continue;
    }
    // One line per outcome, naming the condition sets it holds for.
    const grouped = new Map();
    for (const set of Object.keys(CONDITION_SETS)) {
      const bt = bSets.get(set);
      const ht = hSets.get(set);
      if (bt === ht) continue;
      const key = bt && !ht ? `gone\0${bt}` : !bt && ht ? `new\0${ht}` : `moved\0${bt}\0${ht}`;
      grouped.set(key, [...(grouped.get(key) ?? []), set]);
    }
    for (const [key, sets] of grouped) {
      const [kind, x, y] = key.split("\0");
      if (kind === "gone") add("breaking", "export-condition-removed", where, `no longer resolves for ${sets.join(", ")} (was ${x})`);
      else if (kind === "new") add("notable", "export-condition-added", where, `now resolves for ${sets.join(", ")} (${x})`);
      else add("review", "export-retargeted", where, `retargeted for ${sets.join(", ")}: ${x} → ${y}`);
    }
  }
  for (const sub of hRes.keys()) if (!bRes.has(sub)) add("notable", "export-added", `exports ${json(sub)}`, "added");
  for (const [sub, sets] of hRes) {
    for (const target of new Set(sets.values())) {
      if (!target.includes("*") && !head.files.has(filePath(target))) add("breaking", "export-target-missing", `exports ${json(sub)}`, `target ${target} is not in the package`);
    }
  }

  const bBin = binMap(b);
  const hBin = binMap(h);
  for (const [name, target] of Object.entries(bBin)) {
    if (!(name in hBin)) add("breaking", "bin-removed", `bin ${json(name)}`, `removed (was ${target}): the command is no longer installed`);
    else if (filePath(hBin[name]) !== filePath(target)) add("notable", "bin-retargeted", `bin ${json(name)}`, `${target} → ${hBin[name]} (its --help is compared below)`);
  }
  for (const [name, target] of Object.entries(hBin)) {
    if (!(name in bBin)) add("notable", "bin-added", `bin ${json(name)}`, `added (${target})`);
    if (!head.files.has(filePath(target))) add("breaking", "bin-target-missing", `bin ${json(name)}`, `target ${target} is not in the package`);
  }

  const bNode = b.engines?.node ?? "*";
  const hNode = h.engines?.node ?? "*";
  if (bNode !== hNode) {
    const where = "engines.node";
    if (!semver.validRange(bNode) || !semver.validRange(hNode)) add("review", "engines-changed", where, `${json(bNode)} → ${json(hNode)} (not a range semver reads)`);
    else if (!semver.subset(bNode, hNode)) {
      const lost = semver.minVersion(bNode);
      const example = lost && !semver.satisfies(lost, hNode) ? `: Node ${lost} no longer admitted` : "";
      add("breaking", "engines-narrowed", where, `${json(bNode)} → ${json(hNode)}, narrowed${example}`);
    } else if (!semver.subset(hNode, bNode)) add("notable", "engines-widened", where, `${json(bNode)} → ${json(hNode)}, widened`);
  }

  const bDeps = b.dependencies ?? {};
  const hDeps = h.dependencies ?? {};
  for (const [name, range] of Object.entries(bDeps)) {
    const where = `dependencies ${json(name)}`;
    if (!(name in hDeps)) add("notable", "dependency-removed", where, `removed (was ${range})`);
    else if (hDeps[name] !== range) {
      const bm = majorOf(range);
      const hm = majorOf(hDeps[name]);
      if (bm === null || hm === null || bm !== hm) add("review", "dependency-major", where, `${range} → ${hDeps[name]}: another major, whose types may show through this package's`);
      else add("notable", "dependency-range", where, `${range} → ${hDeps[name]}`);
    }
  }
  for (const [name, range] of Object.entries(hDeps)) if (!(name in bDeps)) add("notable", "dependency-added", `dependencies ${json(name)}`, `added (${range}): installed with the package`);

  const bPeer = b.peerDependencies ?? {};
  const hPeer = h.peerDependencies ?? {};
  for (const [name, range] of Object.entries(hPeer)) {
    const where = `peerDependencies ${json(name)}`;
    const optional = h.peerDependenciesMeta?.[name]?.optional === true;
    if (!(name in bPeer)) add(optional ? "notable" : "breaking", "peer-added", where, `added (${range})${optional ? ", optional" : ": a consumer without it gets a conflict or a missing module"}`);
    else if (bPeer[name] !== range) add("review", "peer-changed", where, `${bPeer[name]} → ${range}`);
  }
  for (const [name, range] of Object.entries(bPeer)) if (!(name in hPeer)) add("notable", "peer-removed", `peerDependencies ${json(name)}`, `removed (was ${range})`);

  const bType = b.type ?? "commonjs";
  const hType = h.type ?? "commonjs";
  if (bType !== hType) {
    const js = [...head.files].some((f) => f.endsWith(".js"));
    add(js ? "breaking" : "review", "type", "type", `${bType} → ${hType}${js ? ": every shipped .js file is loaded as another module system" : ""}`);
  }

  for (const field of ["main", "types", "typings", "module", "browser", "typesVersions"]) {
    if (json(b[field]) === json(h[field])) continue;
    if (b[field] === undefined) add("notable", "field-added", field, `added: ${short(json(h[field]), 80)}`);
    else add("review", "field-changed", field, `${short(json(b[field]), 60)} → ${h[field] === undefined ? "removed" : short(json(h[field]), 60)}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Files

export function files(base, head) {
  const out = [];
  const bMap = exportsMap(base.pkg);
  // Files an exports pattern ("./dist/*": "./dist/*.js") makes importable.
  const patterns = [];
  for (const sets of resolutions(base.pkg).values()) {
    for (const target of sets.values()) {
      if (!target.includes("*")) continue;
      const [pre, post] = filePath(target).split("*");
      patterns.push((f) => f.startsWith(pre) && f.endsWith(post ?? "") && f.length >= pre.length + (post ?? "").length);
    }
  }
  for (const f of [...base.files].sort()) {
    if (head.files.has(f)) continue;
    const where = f;
    if (!bMap) out.push(finding("review", "files", "file-removed", where, "removed; the last release has no exports map, so code may have imported or read it by path"));
    else if (patterns.some((p) => p(f))) out.push(finding("review", "files", "file-removed", where, "removed; an exports pattern made it importable"));
    else out.push(finding("notable", "files", "file-removed", where, "removed (not an exports entry: not importable; read by path only)"));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// TypeScript

const DECLARATION = /\.d\.[cm]?ts$/;

/** The declaration file TypeScript takes for `sub`, relative to the package, or null (JSON, no types). */
function typesFile(side, sub) {
  const value = (exportsMap(side.pkg) ?? { ".": { types: side.pkg.types ?? side.pkg.typings, default: side.pkg.main ?? "./index.js" } })[sub];
  for (const set of ["types (import)", "types (require)"]) {
    const target = resolveConditions(value, CONDITION_SETS[set]);
    if (typeof target !== "string" || target.includes("*")) continue;
    const f = filePath(target);
    if (DECLARATION.test(f)) return side.files.has(f) ? f : null;
    const sibling = f.replace(/\.js$/, ".d.ts").replace(/\.mjs$/, ".d.mts").replace(/\.cjs$/, ".d.cts");
    if (sibling !== f && side.files.has(sibling)) return sibling;
  }
  return null;
}

const MAX_DEPTH = 10;
const sharedSourceFiles = new Map();
/** A member's name; a well-known symbol's (TypeScript's "__@asyncDispose@1434") without its per-program id. */
const memberName = (p) => p.name.replace(/^__@(.+)@\d+$/, "[Symbol.$1]");
const MAX_NODES = 20_000;
const MAX_SHAPE_DEPTH = 6;
const MAX_SHAPE_NODES = 2_000;
/** Where a type's spelling out stopped at MAX_SHAPE_DEPTH or MAX_SHAPE_NODES (a comment: no type's text holds one). */
const CUT = " /*…*/";
/**
 * A property declared `readonly` (a `readonly` member of an interface, type literal or class), or
 * a get accessor without a set accessor: either way an assignment to it does not compile.
 */
const isReadonly = (p) =>
  (p.flags & ts.SymbolFlags.GetAccessor && !(p.flags & ts.SymbolFlags.SetAccessor)) ||
  (p.declarations ?? []).some((d) => (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) !== 0);

/**
 * A program over the package's entry declarations (the package in `side.dir`, its dependencies in
 * a node_modules beside or above it) and what each entry exports.
 */
function loadSurface(side, subs) {
  const entries = new Map();
  for (const sub of subs) {
    const f = typesFile(side, sub);
    if (f) entries.set(sub, path.join(side.dir, f));
  }
  const nodeTypes = [];
  for (let d = side.dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, "node_modules/@types"))) nodeTypes.push(path.join(d, "node_modules/@types"));
    if (path.dirname(d) === d) break;
  }
  const options = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    typeRoots: nodeTypes.slice(0, 1),
    types: nodeTypes.length && existsSync(path.join(nodeTypes[0], "node")) ? ["node"] : [],
  };
  // The two sides share node_modules (resolved to the same real paths) and TypeScript's libs: each
  // of those files is parsed once for both programs.
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (path.resolve(fileName).startsWith(side.dir + path.sep)) return getSourceFile(fileName, languageVersion, ...rest);
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!sharedSourceFiles.has(key)) sharedSourceFiles.set(key, getSourceFile(fileName, languageVersion, ...rest));
    return sharedSourceFiles.get(key);
  };
  const program = ts.createProgram([...entries.values()], options, host);
  const checker = program.getTypeChecker();
  const own = (file) => path.resolve(file).startsWith(side.dir + path.sep) && !/[\\/]node_modules[\\/]/.test(path.relative(side.dir, file));
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  // A declaration as printed without comments, on one line, without its export/declare keywords
  // and without the `| undefined` of an optional member or parameter (`x?: T | undefined` is
  // `x?: T` but under exactOptionalPropertyTypes, where it accepts more).
  const print = (node) =>
    printer
      .printNode(ts.EmitHint.Unspecified, node, node.getSourceFile())
      .replace(/^(export |declare |default )+/gm, "")
      .replace(/\s+/g, " ")
      .replace(/(\?: [^;,(){}<>]*?) \| undefined(?=[;,)}])/g, "$1")
      .trim();
  const toString = (type) => checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);

  function isOwnType(type) {
    const decls = [...(type.aliasSymbol?.declarations ?? []), ...(type.symbol?.declarations ?? [])];
    return decls.length > 0 && decls.every((d) => own(d.getSourceFile().fileName));
  }
  /**
   * The call signatures of a function type of the package's own that is written by its name
   * (`PATCH: StrictPatch`), as text; else undefined. The name alone is what `type` holds, so a change
   * behind it (a type parameter, a parameter, the result) would otherwise go unseen.
   */
  function callsBehindName(type) {
    const t = checker.getNonNullableType(type);
    if (!t.aliasSymbol || !isOwnType(t)) return undefined;
    const sigs = t.getCallSignatures();
    if (sigs.length === 0) return undefined;
    return sigs.map((s) => checker.signatureToString(s, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature)).join("; ");
  }
  /**
   * What a type of the package's own that is written by its name stands for, spelled out: a union's
   * members (sorted: TypeScript orders them by creation), a callable's signatures, an object's members
   * (readonly marked), down to MAX_SHAPE_DEPTH, the types of other packages by name. A leaf is compared
   * by its name (`mode: Mode`), the same on both sides while `Mode` is private, so a change behind the
   * name (a member added to `type Mode = "a" | "b"`, `readonly` in a private interface, a parameter of
   * a function type passed to a function) would otherwise go unseen. Undefined when `type` names
   * nothing of the package's own.
   */
  const shapes = new Map();
  function shapeOf(type, seen = new Set()) {
    // A type being expanded above (a recursive `parent?: Node`) is compared there: named only.
    if (seen.has(checker.getNonNullableType(type))) return undefined;
    const spell = () => {
      const text = shape(type, 0, seen, { n: 0 });
      return text === toString(type) ? undefined : text;
    };
    if (seen.size > 0) return spell();
    if (!shapes.has(type)) shapes.set(type, spell());
    return shapes.get(type);
  }
  // Beyond the bounds a type is written by its name, marked CUT: a change behind it is not seen,
  // and the comparison says so (`…-type-cut`) rather than nothing.
  function shape(t, depth, seen, budget) {
    if (++budget.n > MAX_SHAPE_NODES) return isOwnType(t) || hasOwnArguments(t) ? `${toString(t)}${CUT}` : toString(t);
    // A union's or intersection's members are at its own level: `A | B` nests nothing.
    if (t.isUnion() || t.isIntersection()) {
      // Sorted either way: TypeScript orders a union by creation, so `"a" | "b"` written inline in one
      // version and behind a name in the other prints in two orders.
      if (!t.types.some((x) => isOwnType(x) || hasOwnArguments(x)) && !isOwnType(t)) return t.isUnion() && !(t.flags & ts.TypeFlags.Boolean) && !t.aliasSymbol ? t.types.map(toString).sort().join(" | ") : toString(t);
      return t.types.map((x) => shape(x, depth, seen, budget)).sort().join(t.isUnion() ? " | " : " & ");
    }
    if (seen.has(t)) return toString(t);
    // An enum's member by its value too: `E.B` that was "b" and is "c" is another type for its users.
    if (t.flags & ts.TypeFlags.EnumLiteral && t.isLiteral()) return `${toString(t)} = ${json(t.value)}`;
    if (!isOwnType(t)) {
      // Another package's generic (`Item[]`, `Promise<R>`, `Record<string, Mode>`, `Map<K, V>`) of
      // types of the package's own: those are spelled out inside it.
      const args = typeArguments(t);
      if (args.length === 0 || !args.some((a) => isPrivate(a) || hasOwnArguments(a))) return toString(t);
      if (depth > MAX_SHAPE_DEPTH) return `${toString(t)}${CUT}`;
      return `${t.aliasSymbol?.name ?? t.symbol?.name ?? "tuple"}<${args.map((a) => shape(a, depth + 1, seen, budget)).join(", ")}>`;
    }
    if (depth > MAX_SHAPE_DEPTH) return `${toString(t)}${CUT}`;
    const inner = new Set(seen).add(t);
    const sig = (s, prefix) => {
      const tps = (s.getTypeParameters() ?? []).map((p) => {
        const c = p.getConstraint();
        const d = p.getDefault();
        return `${p.symbol.name}${c ? ` extends ${shape(c, depth + 1, inner, budget)}` : ""}${d ? ` = ${shape(d, depth + 1, inner, budget)}` : ""}`;
      });
      const params = s.getParameters().map((p) => {
        const decl = p.valueDeclaration;
        const isParam = decl && ts.isParameter(decl);
        const rest = isParam && decl.dotDotDotToken ? "..." : "";
        const opt = isParam && checker.isOptionalParameter(decl) ? "?" : "";
        return `${rest}${p.name}${opt}: ${shape(checker.getTypeOfSymbol(p), depth + 1, inner, budget)}`;
      });
      return `${prefix}${tps.length ? `<${tps.join(", ")}>` : ""}(${params.join(", ")}) => ${shape(s.getReturnType(), depth + 1, inner, budget)}`;
    };
    const parts = [...t.getCallSignatures().map((s) => sig(s, "")), ...t.getConstructSignatures().map((s) => sig(s, "new "))];
    if (t.flags & ts.TypeFlags.Object) {
      // Members in name order: declaring them in another order changes nothing for a user.
      const props = [];
      for (const p of checker.getPropertiesOfType(t)) {
        const ro = isReadonly(p) ? "readonly " : "";
        const opt = p.flags & ts.SymbolFlags.Optional ? "?" : "";
        props.push(`${ro}${memberName(p)}${opt}: ${shape(checker.getTypeOfSymbol(p), depth + 1, inner, budget)}`);
      }
      for (const info of checker.getIndexInfosOfType(t)) props.push(`${info.isReadonly ? "readonly " : ""}[key: ${toString(info.keyType)}]: ${shape(info.type, depth + 1, inner, budget)}`);
      parts.push(...props.sort((a, b) => (a.replace(/^readonly /, "") < b.replace(/^readonly /, "") ? -1 : 1)));
    }
    if (parts.length) return `{ ${parts.join("; ")} }`;
    // Nothing to spell out (a conditional type, a mapped type over a type parameter, a template
    // literal): its alias's declaration, as printed, stands for it.
    const decls = t.aliasSymbol?.declarations ?? [];
    return decls.length ? `${toString(t)} = ${decls.map((d) => print(d).replace(/^type [^=]*= /, "").replace(/;$/, "")).join("; ")}` : toString(t);
  }
  /** The type arguments of a reference to a generic (`Array<T>`, an alias `Record<K, V>`), else none. */
  function typeArguments(t) {
    if (t.aliasSymbol && t.aliasTypeArguments?.length) return t.aliasTypeArguments;
    if (t.flags & ts.TypeFlags.Object && t.objectFlags & ts.ObjectFlags.Reference) return checker.getTypeArguments(t);
    return [];
  }
  /** Whether a type of another package has, among its type arguments at any depth, one of the package's own. */
  function hasOwnArguments(t, depth = 0) {
    if (depth > MAX_SHAPE_DEPTH || isOwnType(t)) return false;
    if (t.isUnion() || t.isIntersection()) return t.types.some((x) => isPrivate(x) || hasOwnArguments(x, depth + 1));
    return typeArguments(t).some((a) => isPrivate(a) || hasOwnArguments(a, depth + 1));
  }
  /**
   * A type of the package's own that no entry exports by name (an exported one's changes are said
   * at its own name): as another package's type argument (`Item[]`, `Promise<R>`), only such a one
   * is spelled out, else each use of an exported type would repeat what changed in it.
   */
  const exported = new Set();
  for (const file of entries.values()) {
    const mod = program.getSourceFile(file) && checker.getSymbolAtLocation(program.getSourceFile(file));
    if (mod) for (const sym of checker.getExportsOfModule(mod)) exported.add(sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym);
  }
  function isPrivate(t) {
    if (!isOwnType(t)) return false;
    const named = t.aliasSymbol ?? t.symbol;
    return !(named && exported.has(named)) || (t.isUnion() && t.types.some(isPrivate));
  }
  /** The members of `type` when it is an object type of the package's own, else null (a leaf). */
  function members(type, depth, budget, seen, { callable = false } = {}) {
    const t = checker.getNonNullableType(type);
    if (depth > MAX_DEPTH || budget.n > MAX_NODES || seen.has(t) || t.isUnion() || (!callable && t.getCallSignatures().length > 0)) return null;
    if (!(t.flags & ts.TypeFlags.Object) && !t.isIntersection()) return null;
    if (!isOwnType(t)) return null;
    const inner = new Set(seen).add(t);
    const out = new Map();
    for (const p of checker.getPropertiesOfType(t)) {
      // A class's `prototype` is its instance type, compared as that type.
      if (callable && p.name === "prototype" && t.getConstructSignatures().length > 0) continue;
      budget.n++;
      const pt = checker.getTypeOfSymbol(p);
      const sub = members(pt, depth + 1, budget, inner);
      out.set(memberName(p), {
        optional: (p.flags & ts.SymbolFlags.Optional) !== 0,
        readonly: isReadonly(p),
        type: toString(pt),
        calls: callsBehindName(pt),
        shape: sub ? undefined : shapeOf(pt, inner),
        members: sub,
      });
    }
    // An index signature (`[key: string]: T`), as a member named by its key type: nothing has to
    // be given for it (optional), its value type is compared as a property's.
    for (const info of checker.getIndexInfosOfType(t)) {
      budget.n++;
      const sub = members(info.type, depth + 1, budget, inner);
      out.set(`[key: ${toString(info.keyType)}]`, {
        optional: true,
        readonly: info.isReadonly,
        type: toString(info.type),
        calls: callsBehindName(info.type),
        shape: sub ? undefined : shapeOf(info.type, inner),
        members: sub,
      });
    }
    return out;
  }
  function signature(sig, budget) {
    return {
      params: sig.getParameters().map((p) => {
        const decl = p.valueDeclaration;
        const isParam = decl && ts.isParameter(decl);
        const type = checker.getTypeOfSymbol(p);
        const sub = members(type, 1, budget, new Set());
        return {
          name: p.name,
          optional: isParam ? checker.isOptionalParameter(decl) : false,
          rest: isParam ? decl.dotDotDotToken !== undefined : false,
          type: toString(type),
          shape: sub ? undefined : shapeOf(type),
          members: sub,
        };
      }),
      returns: (() => {
        const sub = members(sig.getReturnType(), 1, budget, new Set());
        return { type: toString(sig.getReturnType()), shape: sub ? undefined : shapeOf(sig.getReturnType()), members: sub };
      })(),
    };
  }
  function describe(sym) {
    const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    const decls = target.declarations ?? [];
    const budget = { n: 0 };
    const d = {
      value: (target.flags & ts.SymbolFlags.Value) !== 0,
      type: (target.flags & ts.SymbolFlags.Type) !== 0,
      text: decls.map(print).join("\n"),
      isClass: (target.flags & ts.SymbolFlags.Class) !== 0,
    };
    if (d.value) {
      const valueType = checker.getTypeOfSymbol(target);
      d.calls = valueType.getCallSignatures().map((s) => signature(s, budget));
      d.constructs = valueType.getConstructSignatures().map((s) => signature(s, budget));
      // Beside its signatures, a value's own members: a callable's properties, a class's statics.
      d.members = members(valueType, 0, budget, new Set(), { callable: true });
    }
    if (d.type) d.typeMembers = members(checker.getDeclaredTypeOfSymbol(target), 0, budget, new Set());
    return d;
  }

  const surfaces = new Map();
  for (const [sub, file] of entries) {
    const sf = program.getSourceFile(file);
    const mod = sf && checker.getSymbolAtLocation(sf);
    const names = new Map();
    if (mod) for (const sym of checker.getExportsOfModule(mod)) names.set(sym.name, describe(sym));
    surfaces.set(sub, { file: path.relative(side.dir, file), names });
  }
  // `declare module "x" { … }` and `declare global { … }` in the package's own declarations: they
  // change other packages' types (or the global scope) for whoever imports the file.
  const augmentations = new Map();
  for (const sf of program.getSourceFiles()) {
    if (!own(sf.fileName) || !ts.isExternalModule(sf)) continue;
    for (const st of sf.statements) {
      if (!ts.isModuleDeclaration(st)) continue;
      const key = ts.isStringLiteral(st.name) ? `module ${json(st.name.text)}` : st.name.text === "global" ? "global" : null;
      if (key) augmentations.set(key, [augmentations.get(key), print(st)].filter(Boolean).join("\n"));
    }
  }
  return { surfaces, augmentations };
}

/** Where two texts first differ, a few words either side of each. */
function firstDifference(a, b) {
  if (a.length <= 100 && b.length <= 100) return `was ${json(a)}, now ${json(b)}`;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 30);
  const cut = (s) => `${from > 0 ? "…" : ""}${short(s.slice(from, i + 50), 80)}${i + 50 < s.length ? "…" : ""}`;
  return `was ${json(cut(a))}, now ${json(cut(b))}`;
}

/** "type A → B", around where they differ when they are long. */
function typeChange(a, b) {
  if (a.length <= 70 && b.length <= 70) return `type ${a} → ${b}`;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 25);
  const cut = (s) => `${from > 0 ? "…" : ""}${s.slice(from, i + 45)}${i + 45 < s.length ? "…" : ""}`;
  return `type ${cut(a)} → ${cut(b)}`;
}
/** A function type whose name is the same on both sides but whose signatures are not. */
function callsChange(name, b, h) {
  return `type ${defined({ optional: true, type: name })}, same name, its signatures changed: ${firstDifference(b ?? "(none)", h ?? "(none)")}`;
}
/** A type whose name is the same on both sides but what it stands for is not. */
function shapeChange(name, b, h) {
  return `type ${name}, same name, what it stands for changed: ${firstDifference(b ?? "(not the package's own)", h ?? "(not the package's own)")}`;
}
/** Whether a type's spelling out stopped at a bound (the same text on both sides: nothing seen changed up to there). */
const isCut = (text) => text?.includes(CUT) ?? false;
/** What a bound left unseen: said, so that the same text is not read as nothing changed. */
function cutNote(name) {
  return `type ${name} is spelled out to a depth of ${MAX_SHAPE_DEPTH} and ${MAX_SHAPE_NODES} parts only; beyond, a type is compared by its name, so a change there is not seen: compare by hand`;
}
/** An optional member's type as written, without the `| undefined` that optionality adds. */
const defined = (m) => (m.optional ? m.type.replace(/ \| undefined(?=$| \|)/g, "") : m.type);
/**
 * A member's, option's, parameter's or result's type that is no object of the package's own,
 * compared: its text (`text`: a member's or option's without optionality's `| undefined`), then
 * the signatures behind a function type's unchanged name, then what the name stands for; a
 * spelling out cut at the bound on both sides is said (`RULE-cut`).
 */
function compareLeaf(b, h, rule, at, add, text = (m) => m.type) {
  if (text(b) !== text(h)) add("review", rule, at, typeChange(b.type, h.type));
  else if (b.calls !== h.calls) add("review", rule, at, callsChange(h.type, b.calls, h.calls));
  else if (b.shape !== h.shape) add("review", rule, at, shapeChange(text(h), b.shape, h.shape));
  else if (isCut(b.shape)) add("notable", `${rule}-cut`, at, cutNote(text(h)));
}
const EMPTY = new Set(["never", "undefined"]);

/**
 * Member trees compared: `removed` is the severity of a member gone, or left with no value
 * (`never`): breaking for what code reads. Where both sides are object types of the package's own,
 * their members are compared instead of their names.
 */
function compareMembers(bm, hm, where, add, { removed = "breaking", label = "property", added = "review" } = {}) {
  if (!bm || !hm) return;
  for (const [name, b] of bm) {
    const at = `${where}.${name}`;
    const h = hm.get(name);
    if (!h) {
      add(removed, `${label}-removed`, at, `${label} removed${removed === "breaking" ? ": code reading or passing it no longer compiles" : ""}`);
      continue;
    }
    if (!h.members && EMPTY.has(defined(h)) && !EMPTY.has(defined(b))) {
      add(removed, `${label}-never`, at, `${typeChange(b.type, h.type)}: no value any more${removed === "breaking" ? ", code reading it no longer compiles" : ""}`);
      continue;
    }
    if (b.optional !== h.optional) {
      add("review", `${label}-optionality`, at, h.optional ? "now optional: may be undefined where it was always there" : "now required: code building this type must give it");
    }
    if (b.members && h.members) compareMembers(b.members, h.members, at, add, { removed, label, added });
    else compareLeaf(b, h, `${label}-type`, at, add, defined);
    if (!b.readonly && h.readonly) add("review", `${label}-readonly`, at, "now readonly: code assigning it no longer compiles");
  }
  for (const [name, h] of hm) {
    if (bm.has(name)) continue;
    if (h.optional || added === "notable") add("notable", `${label}-added`, `${where}.${name}`, `${h.optional ? "optional " : ""}${label} added`);
    else add("review", `${label}-added`, `${where}.${name}`, `required ${label} added: breaks code that builds this type, not code that reads it`);
  }
}

/**
 * A parameter's object type (options): a required option added (or one made required) breaks every
 * call written for the last release; one removed breaks an object literal passing it but not a
 * variable (review); an optional one added, or one made optional, accepts more.
 */
function compareOptions(bm, hm, where, add) {
  for (const [name, b] of bm) {
    const at = `${where}.${name}`;
    const h = hm.get(name);
    if (!h) {
      add("review", "option-removed", at, "option removed: an object literal passing it no longer compiles");
      continue;
    }
    if (b.optional && !h.optional) add("breaking", "required-option-added", at, "option now required: a call written for the last release is an error");
    // An option's own object is built by the caller too: its members are options.
    if (b.members && h.members) compareOptions(b.members, h.members, at, add);
    else compareLeaf(b, h, "option-type", at, add, defined);
  }
  for (const [name, h] of hm) {
    if (bm.has(name)) continue;
    if (h.optional) add("notable", "option-added", `${where}.${name}`, "optional option added");
    else add("breaking", "required-option-added", `${where}.${name}`, "required option added: a call written for the last release is an error");
  }
}

function compareSignatures(bs, hs, where, add, kind, isClass = false) {
  if (bs.length !== hs.length) {
    add("review", "overloads", where, `${bs.length} → ${hs.length} ${kind} signatures`);
    return;
  }
  bs.forEach((b, i) => {
    const h = hs[i];
    const at = bs.length > 1 ? `${where} (signature ${i + 1})` : where;
    const required = (s) => s.params.filter((p) => !p.optional && !p.rest).length;
    const positional = (s) => (s.params.some((p) => p.rest) ? Number.POSITIVE_INFINITY : s.params.length);
    if (required(h) > required(b)) add("breaking", "required-parameter-added", at, `${required(b)} → ${required(h)} required parameters: a call written for the last release is an error`);
    if (positional(h) < positional(b) && positional(h) < b.params.length) add("breaking", "parameter-removed", at, `${b.params.length} → ${h.params.length} parameters: a call passing the last one is an error`);
    b.params.forEach((bp, j) => {
      const hp = h.params[j];
      if (!hp) return;
      const pat = `${at}(${hp.name})`;
      if (bp.members && hp.members) compareOptions(bp.members, hp.members, pat, add);
      else compareLeaf(bp, hp, "parameter-type", pat, add);
    });
    // A class's constructor's result is its instance type, compared as that type (by its name);
    // another value's (`typeof` a private class) here, its new members notable as a class's.
    if (kind === "construct" && isClass) return;
    if (b.returns.members && h.returns.members) compareMembers(b.returns.members, h.returns.members, `${at} returns`, add, kind === "construct" ? { added: "notable" } : {});
    else compareLeaf(b.returns, h.returns, "return-type", `${at} returns`, add);
  });
}

/**
 * The same change of the same member under several paths of one name (a header made optional in
 * every response of `paths`) as one line naming the first place and how many more.
 */
function collapse(list) {
  const groups = new Map();
  for (const f of list) {
    const key = [f.severity, f.rule, f.message, f.where.slice(f.where.lastIndexOf(".") + 1)].join("\0");
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((g) =>
    g.length === 1 ? g[0] : { ...g[0], where: `${g[0].where} (and ${g.length - 1} more place${g.length > 2 ? "s" : ""}: ${g.slice(1, 3).map((f) => f.where).join(", ")}${g.length > 3 ? ", …" : ""})` },
  );
}

export function typeSurface(base, head) {
  const out = [];
  const bSubs = [...resolutions(base.pkg).keys()].filter((s) => !s.includes("*"));
  const hSubs = [...resolutions(head.pkg).keys()].filter((s) => !s.includes("*"));
  const b = loadSurface(base, bSubs);
  const h = loadSurface(head, hSubs);
  for (const [sub, bs] of b.surfaces) {
    const group = `TypeScript: ${json(sub === "." ? base.pkg.name : `${base.pkg.name}${sub.slice(1)}`)}`;
    const hs = h.surfaces.get(sub);
    if (!hs) {
      if (hSubs.includes(sub)) out.push(finding("breaking", group, "types-removed", `exports ${json(sub)}`, `no declarations any more (were ${bs.file})`));
      continue; // a removed entry is said under package.json
    }
    for (const [name, bd] of bs.names) {
      const hd = hs.names.get(name);
      const list = [];
      const add = (severity, rule, where, message) => list.push(finding(severity, group, rule, where, message));
      if (!hd) {
        add("breaking", "name-removed", name, "export removed");
        out.push(...list);
        continue;
      }
      if (bd.value && !hd.value) add("breaking", "no-longer-value", name, "no longer a value (a type only): code using it at run time is an error");
      if (bd.type && !hd.type) add("breaking", "no-longer-type", name, "no longer a type (a value only): code naming it as a type is an error");
      if (bd.calls && hd.calls) compareSignatures(bd.calls, hd.calls, name, add, "call");
      if (bd.constructs?.length && hd.constructs) compareSignatures(bd.constructs, hd.constructs, `new ${name}`, add, "construct", bd.isClass && hd.isClass);
      // A class's statics, as its instances' members below: its own to build, so one added is notable.
      if (bd.members && hd.members) compareMembers(bd.members, hd.members, name, add, { added: hd.isClass ? "notable" : "review" });
      // A class's instances come from its constructor, so a member added is no burden on its users.
      if (bd.typeMembers && hd.typeMembers) compareMembers(bd.typeMembers, hd.typeMembers, name, add, { added: hd.isClass ? "notable" : "review" });
      if (bd.text !== hd.text && !list.some((f) => f.severity === "breaking")) {
        add("review", "declaration-changed", name, `declaration changed: ${firstDifference(bd.text, hd.text)}`);
      }
      out.push(...collapse(list));
    }
    for (const name of hs.names.keys()) if (!bs.names.has(name)) out.push(finding("notable", group, "name-added", name, "export added"));
  }
  for (const [sub, hs] of h.surfaces) {
    if (b.surfaces.has(sub)) continue;
    const group = `TypeScript: ${json(sub === "." ? head.pkg.name : `${head.pkg.name}${sub.slice(1)}`)}`;
    out.push(finding("notable", group, "entry-added", `exports ${json(sub)}`, `declarations added (${hs.names.size} names, ${hs.file})`));
  }
  const group = "TypeScript: augmentations";
  for (const [key, text] of b.augmentations) {
    if (!h.augmentations.has(key)) out.push(finding("breaking", group, "augmentation-removed", key, "removed: what it added to those types is gone (code using it no longer compiles)"));
    else if (h.augmentations.get(key) !== text) out.push(finding("review", group, "augmentation-changed", key, `changed: ${firstDifference(text, h.augmentations.get(key))}`));
  }
  for (const key of h.augmentations.keys()) if (!b.augmentations.has(key)) out.push(finding("notable", group, "augmentation-added", key, "added"));
  return out;
}

// ---------------------------------------------------------------------------------------------
// CLI

/** Commander-style help text → { usage, options, commands } (items: "  term  description", wrapped lines indented further). */
export function parseHelp(text) {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const usage = (lines.find((l) => /^Usage:/.test(l)) ?? "").replace(/^Usage:\s*/, "");
  const sections = new Map();
  let current = null;
  for (const line of lines) {
    if (/^\S.*:$/.test(line)) {
      current = line.slice(0, -1).trim();
      sections.set(current, []);
      continue;
    }
    if (!current) continue;
    if (line.trim() === "" || /^\S/.test(line)) {
      if (line.trim() !== "" || sections.get(current).length > 0) current = null;
      continue;
    }
    const items = sections.get(current);
    const m = /^ {1,3}(\S.*)$/.exec(line);
    if (m && !/^ {4,}/.test(line)) {
      const [term, ...rest] = m[1].split(/ {2,}/);
      items.push({ term: term.trim(), text: rest.join(" ") });
    } else if (items.length) items[items.length - 1].text += ` ${line.trim()}`;
  }
  const options = new Map();
  for (const { term, text } of [...(sections.get("Options") ?? []), ...(sections.get("Global Options") ?? [])]) {
    const flags = term.match(/(?<![\w-])--?[A-Za-z0-9][\w-]*/g) ?? [];
    if (!flags.length) continue;
    const long = flags.find((f) => f.startsWith("--")) ?? flags[0];
    const arg = /[<[][^>\]]*[>\]]/.exec(term.split(",").pop().replace(/^\s*--?[\w-]+/, ""))?.[0] ?? null;
    const choices = /\(choices: ((?:"(?:[^"\\]|\\.)*"(?:, )?)+)\)/.exec(text)?.[1].match(/"(?:[^"\\]|\\.)*"/g) ?? null;
    const dflt = /\(default: ((?:"(?:[^"\\]|\\.)*"|[^,)"])*)/.exec(text)?.[1].trim() ?? null;
    options.set(long, { flags, arg, choices, default: dflt });
  }
  const commands = new Map();
  for (const { term } of sections.get("Commands") ?? []) {
    const [names] = term.split(/\s+/);
    const [name, ...aliases] = names.split("|");
    if (name === "help") continue;
    commands.set(name, aliases);
  }
  return { usage, options, commands };
}

/** Every command's help under the bin `file` (node runs it): command path → parsed help, or { error }. */
export function helpTree(file, cwd) {
  const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", COLUMNS: "100" };
  for (const k of Object.keys(env)) if (k.startsWith("PUFFLE_")) delete env[k];
  const out = new Map();
  const walk = (words, depth) => {
    const r = spawnSync(process.execPath, [file, ...words, "--help"], { cwd, env, encoding: "utf8", timeout: 30_000 });
    const text = `${r.stdout ?? ""}`;
    if (r.status !== 0 || !/Usage:/.test(text)) {
      const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}${r.stderr?.trim() ? `: ${short(r.stderr.trim().split("\n")[0], 100)}` : ""}`;
      out.set(words.join(" "), { error: why });
      return;
    }
    const help = parseHelp(text);
    out.set(words.join(" "), help);
    if (depth < 4) for (const name of help.commands.keys()) walk([...words, name], depth + 1);
  };
  walk([], 0);
  return out;
}

/** `<a> [b]` arguments in a usage line, after the command words, without [options]/[command]. */
function usageArgs(usage) {
  return (usage.match(/[<[][^>\]]+[>\]]/g) ?? []).filter((a) => a !== "[options]" && a !== "[command]");
}

export function cliSurface(bin, baseTree, headTree) {
  const out = [];
  const group = `CLI: ${bin}`;
  const add = (severity, rule, where, message) => out.push(finding(severity, group, rule, where, message));
  for (const [words, b] of baseTree) {
    const where = [bin, words].filter(Boolean).join(" ");
    const h = headTree.get(words);
    if (!h) {
      add("breaking", "command-removed", where, "command removed");
      continue;
    }
    if (h.error) {
      add(b.error ? "review" : "breaking", "help-fails", where, `\`${where} --help\` fails (${h.error})`);
      continue;
    }
    if (b.error) {
      add("review", "help-fails", where, `\`${where} --help\` failed in the last release (${b.error}): not compared`);
      continue;
    }
    for (const [name, aliases] of b.commands) for (const a of aliases) if (!(h.commands.get(name) ?? []).includes(a)) add("breaking", "alias-removed", `${where} ${name}`, `alias ${json(a)} removed`);
    const bArgs = usageArgs(b.usage);
    const hArgs = usageArgs(h.usage);
    const req = (a) => a.filter((x) => x.startsWith("<")).length;
    if (req(hArgs) > req(bArgs)) add("breaking", "argument-required", where, `usage ${json(b.usage)} → ${json(h.usage)}: a required argument added`);
    else if (json(bArgs) !== json(hArgs)) add("review", "arguments-changed", where, `usage ${json(b.usage)} → ${json(h.usage)}`);
    for (const [long, bo] of b.options) {
      const ho = h.options.get(long);
      const at = `${where} ${long}`;
      if (!ho) {
        add("breaking", "option-removed", at, "option removed: a command line using it is an error");
        continue;
      }
      for (const f of bo.flags) if (!ho.flags.includes(f)) add("breaking", "option-flag-removed", at, `${f} removed`);
      if (bo.arg !== ho.arg) {
        const kind = (a) => (a === null ? "none" : a.startsWith("<") ? "required" : "optional");
        const [bk, hk] = [kind(bo.arg), kind(ho.arg)];
        if (bk === hk) {
          // renamed placeholder (<ms> → <milliseconds>): nothing a command line sees
        } else if ((bk === "none" && hk === "required") || (bk === "optional" && hk === "required")) add("breaking", "option-argument-required", at, `argument ${bo.arg ?? "none"} → ${ho.arg}: the option alone is an error`);
        else if (bk === "none" || hk === "none") add("review", "option-argument-changed", at, `argument ${bo.arg ?? "none"} → ${ho.arg ?? "none"}`);
        else add("notable", "option-argument-optional", at, `argument ${bo.arg} → ${ho.arg}`);
      }
      if (bo.choices && ho.choices) {
        for (const c of bo.choices) if (!ho.choices.includes(c)) add("breaking", "choice-removed", at, `choice ${c} removed`);
        for (const c of ho.choices) if (!bo.choices.includes(c)) add("notable", "choice-added", at, `choice ${c} added`);
      } else if (!bo.choices && ho.choices) add("breaking", "choices-added", at, `now only ${ho.choices.join(", ")}`);
      else if (bo.choices && !ho.choices) add("notable", "choices-removed", at, "no longer limited to choices");
      if (bo.default !== ho.default && bo.default !== null && ho.default !== null) add("review", "option-default", at, `default ${bo.default} → ${ho.default}`);
      else if (bo.default !== ho.default) add("review", "option-default", at, `default ${bo.default ?? "none"} → ${ho.default ?? "none"}`);
    }
    for (const long of h.options.keys()) if (!b.options.has(long)) add("notable", "option-added", `${where} ${long}`, "option added");
  }
  for (const words of headTree.keys()) {
    if (baseTree.has(words)) continue;
    add("notable", "command-added", [bin, words].filter(Boolean).join(" "), "command added");
  }
  return out;
}
