// AJV's code generator counts, before it drops unused code, how often each name is used in a
// function's tree (`node.names`, in ajv/dist/compile/codegen/index.js, MIT, (c) Evgeny Poberezkin).
// Its getters build that count bottom-up: every block makes an object of its own and copies each
// child's counts into it, so a name is copied once per enclosing block — on a large schema's deeply
// nested code that is most of the optimizer's time (GitHub's REST description: ~1.3 s of the
// validators step). installLinearNames replaces the getters of the block nodes with one walk of the
// tree adding into a single object: the same counts (the same keys and numbers; only the order the
// keys were first added may differ, which nothing reads), so AJV removes the same code and the output
// is byte for byte the same (test/pipeline/codegen-names.test.ts compares both on fixture specs and
// on trees of every node kind).
//
// Installed only over the getters it was written against: each one's source text must be what this
// file expects (AJV 8.20's, and @redocly/ajv 8.18's, the same), else nothing is replaced and AJV
// runs as it ships (`installed: false` with the reason; the test fails, so an upgrade is looked at).
// The validators step installs it over `ajv`; the pipeline over `@redocly/ajv` too, before lint.
import { createRequire } from "node:module";

/** The getters replaced, as AJV 8.20 writes them (whitespace aside). */
const EXPECTED = {
  ParentNode: "get names() { return this.nodes.reduce((names, n) => addNames(names, n.names), {}); }",
  If: "get names() { const names = super.names; addExprNames(names, this.condition); if (this.else) addNames(names, this.else.names); return names; }",
  ForLoop: "get names() { return addNames(super.names, this.iteration.names); }",
  ForRange: "get names() { const names = addExprNames(super.names, this.from); return addExprNames(names, this.to); }",
  ForIter: "get names() { return addNames(super.names, this.iterable.names); }",
  Try: "get names() { const names = super.names; if (this.catch) addNames(names, this.catch.names); if (this.finally) addNames(names, this.finally.names); return names; }",
};

const squeeze = (source) => source.replace(/\s+/g, " ").trim();
const protoOf = Object.getPrototypeOf;

/** One node of each block kind, built through CodeGen's own API (the classes are not exported). */
function nodePrototypes(codegen, Scope) {
  const gen = new codegen.CodeGen(new Scope());
  const root = gen._root;
  gen.if(true);
  const ifNode = gen._currNode;
  gen.endIf();
  gen.for(codegen._`;;`);
  gen.endFor();
  gen.forRange("i", 0, 1, () => {});
  gen.forOf("x", codegen._`a`, () => {});
  gen.try(() => {}, () => {});
  const [, forLoop, forRange, forIter, tryNode] = root.nodes;
  const ParentNode = protoOf(protoOf(protoOf(ifNode))); // If < BlockNode < ParentNode
  return { ParentNode, If: protoOf(ifNode), ForLoop: protoOf(forLoop), ForRange: protoOf(forRange), ForIter: protoOf(forIter), Try: protoOf(tryNode) };
}

function addInto(acc, from) {
  for (const name in from) acc[name] = (acc[name] || 0) + (from[name] || 0);
}

/** Per code generator module (its file), the installed handle. */
const installed = new Map();

/**
 * Replaces the block nodes' `names` getters of an AJV's code generator (process-wide, for every
 * instance of that AJV: their results are the same) with linear ones. Idempotent.
 * @param {string} [ajv]  the package: "ajv" (the validators step's), or "@redocly/ajv" (the fork
 *   Redocly's lint compiles the spec's schemas with, to check its examples: the same code generator)
 * @param {string | URL} [from]  where to resolve it from
 * @returns {{ installed: boolean, reason?: string, restore(): void }}
 */
export function installLinearNames(ajv = "ajv", from = import.meta.url) {
  const require = createRequire(from);
  const file = require.resolve(`${ajv}/dist/compile/codegen/index.js`);
  if (installed.has(file)) return installed.get(file);
  const codegen = require(file);
  const { Scope } = require(`${ajv}/dist/compile/codegen/scope.js`);
  const { _CodeOrName } = require(`${ajv}/dist/compile/codegen/code.js`);
  const addExprInto = (acc, expr) => {
    if (expr instanceof _CodeOrName) addInto(acc, expr.names);
  };
  const protos = nodePrototypes(codegen, Scope);
  const originals = {};
  for (const [kind, proto] of Object.entries(protos)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, "names");
    const source = descriptor?.get ? squeeze(descriptor.get.toString()) : undefined;
    if (proto.constructor?.name !== kind || source !== EXPECTED[kind]) {
      return { installed: false, reason: `${ajv}'s ${kind} names getter is not the one codegen-names.mjs was written against`, restore() {} };
    }
    originals[kind] = descriptor;
  }

  // What each kind adds to its children's counts, as its getter does (in the same order).
  const own = new Map([
    [protos.ParentNode, () => {}],
    [protos.If, (node, acc) => {
      addExprInto(acc, node.condition);
      if (node.else) into(node.else, acc);
    }],
    [protos.ForLoop, (node, acc) => addInto(acc, node.iteration.names)],
    [protos.ForRange, (node, acc) => {
      addExprInto(acc, node.from);
      addExprInto(acc, node.to);
    }],
    [protos.ForIter, (node, acc) => addInto(acc, node.iterable.names)],
    [protos.Try, (node, acc) => {
      if (node.catch) into(node.catch, acc);
      if (node.finally) into(node.finally, acc);
    }],
  ]);
  // Per prototype, the kind whose getter its nodes use (the nearest own `names` up the chain), or
  // null when that getter is not one replaced here (a leaf's, or a kind this file does not know:
  // its own getter runs, and its `super.names` comes back to the linear one).
  const kindOf = new Map();
  const kindOfProto = (proto) => {
    let kind = kindOf.get(proto);
    if (kind !== undefined) return kind;
    kind = null;
    for (let p = proto; p && p !== Object.prototype; p = protoOf(p)) {
      if (own.has(p)) {
        kind = own.get(p);
        break;
      }
      if (Object.hasOwn(p, "names")) break;
    }
    kindOf.set(proto, kind);
    return kind;
  };
  function into(node, acc) {
    const kind = kindOfProto(protoOf(node));
    if (kind === null) {
      addInto(acc, node.names);
      return;
    }
    for (const child of node.nodes) into(child, acc);
    kind(node, acc);
  }

  for (const [proto, kind] of own) {
    Object.defineProperty(proto, "names", {
      configurable: true,
      get() {
        const acc = {};
        for (const child of this.nodes) into(child, acc);
        kind(this, acc);
        return acc;
      },
    });
  }
  const handle = {
    installed: true,
    restore() {
      for (const [kind, descriptor] of Object.entries(originals)) Object.defineProperty(protos[kind], "names", descriptor);
      installed.delete(file);
    },
  };
  installed.set(file, handle);
  return handle;
}
