// scripts/lib/codegen-names.mjs gives AJV's code generator the same name counts as AJV's own
// getters (it only adds them up in one walk instead of copying them once per enclosing block), so
// AJV's optimizer removes the same code and the generated code is byte for byte the same: on trees
// of every node kind, node by node; on AJV's standalone code, with the pipeline's options, of our
// spec's components, the keywords fixture's and a deeply nested schema. For `ajv` (the validators
// step's) and `@redocly/ajv` (Redocly's lint's). And it is installed only over the getters it was
// written against.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error plain JS module without declarations
import { installLinearNames } from "../../scripts/lib/codegen-names.mjs";
// @ts-expect-error plain JS module without declarations
import { ajvOptions } from "../../scripts/lib/validators.mjs";
import { root } from "../helpers.js";

type Schema = Record<string, unknown>;
type Counts = Record<string, number>;
type TreeNode = { names: Counts; nodes?: TreeNode[]; else?: TreeNode; catch?: TreeNode; finally?: TreeNode };
type Handle = { installed: boolean; reason?: string; restore(): void };

// The validators step's AJV, and the fork Redocly's lint compiles with (the pipeline installs both).
const redoclyCore = import.meta.resolve("@redocly/openapi-core");
const packages = [
  ["ajv", import.meta.url],
  ["@redocly/ajv", redoclyCore],
] as const;
const install = (pkg: string, from: string) => installLinearNames(pkg, from) as Handle;

/** What the tests need of one AJV package: its code generator, its 2020 class and its standaloneCode. */
function ajvPackage(pkg: string, from: string) {
  const require = createRequire(from);
  const def = (m: { default?: unknown }) => (m.default ?? m) as any;
  return {
    codegen: require(`${pkg}/dist/compile/codegen/index.js`),
    Scope: require(`${pkg}/dist/compile/codegen/scope.js`).Scope,
    Ajv2020: def(require(`${pkg}/dist/2020.js`)),
    standaloneCode: def(require(`${pkg}/dist/standalone/index.js`)) as (ajv: unknown, refs: Record<string, string>) => string,
  };
}

/** Runs fn with AJV's own getters, then with the linear ones (left installed, as the pipeline has them). */
function both<T>(pkg: string, from: string, fn: () => T): { ajvs: T; linear: T } {
  install(pkg, from).restore();
  const ajvs = fn();
  expect(install(pkg, from).installed).toBe(true);
  return { ajvs, linear: fn() };
}

afterEach(() => {
  for (const [pkg, from] of packages) expect(install(pkg, from).installed).toBe(true);
});

/** Every node of a tree, with the path to it, children before parents. */
function walk(node: TreeNode, at = "root", out: [string, TreeNode][] = []): [string, TreeNode][] {
  (node.nodes ?? []).forEach((child, i) => walk(child, `${at}/${i}`, out));
  for (const key of ["else", "catch", "finally"] as const) if (node[key]) walk(node[key], `${at}.${key}`, out);
  out.push([at, node]);
  return out;
}

const countsOf = (tree: TreeNode) => Object.fromEntries(walk(tree).map(([at, node]) => [at, { ...node.names }]));

describe.each(packages)("the linear name counts equal %s's own", (pkg, from) => {
  const { codegen, Scope } = ajvPackage(pkg, from);
  const { _, Name } = codegen;

  it("is installed over the version this project pins", () => {
    const handle = install(pkg, from);
    expect(handle.reason).toBeUndefined();
    expect(handle.installed).toBe(true);
    expect(install(pkg, from)).toBe(handle); // idempotent
  });

  it.each([
    ["every node kind, nested", (gen: any) => {
      const a = gen.name("a");
      const b = gen.let("b", _`${a}.x`);
      gen.const("c", _`${b} + ${a}`);
      gen.if(_`${b} > ${a}`, () => {
        gen.assign(b, _`${a} * 2`);
        gen.add(b, 1);
        gen.if(_`${b}`).code(_`f(${a})`).elseIf(_`${a} === null`).throw(_`new Error(${b})`).else().assign(a, b).endIf();
      }, () => gen.var("d", _`${a}`));
      gen.for(_`;${a};${b}++`, () => gen.code(_`g(${b})`));
      gen.forRange("i", a, _`${b}.length`, (i: unknown) => gen.if(_`${i} === ${a}`, () => gen.break()));
      gen.forOf("item", _`${a}.list`, (item: unknown) => gen.assign(b, item));
      gen.forIn("key", b, (key: unknown) => gen.label(new Name("outer")).code(_`h(${key}, ${a})`));
      gen.try(() => gen.code(_`k(${b})`), (e: unknown) => gen.code(_`log(${e}, ${a})`), () => gen.code(_`done(${b})`));
      gen.func(new Name("inner"), _`${a}`, false, _`return ${b}`);
      gen.return(_`${a} && ${b}`);
    }],
    ["deep nesting, a name used at every level", (gen: any) => {
      const v = gen.let("v", 0);
      const nest = (depth: number): void => {
        if (depth === 0) return void gen.assign(v, _`${v} + 1`);
        gen.if(_`${v} < ${depth}`, () => nest(depth - 1), () => gen.forOf(`x${depth}`, v, () => nest(depth - 1)));
      };
      nest(6);
    }],
    ["try with catch only, and empty blocks", (gen: any) => {
      const a = gen.name("a");
      gen.try(() => gen.code(_`m(${a})`), (e: unknown) => gen.throw(e));
      gen.if(_`${a}`, () => {});
      gen.for(_`;;`, () => gen.break());
    }],
  ] as const)("%s: every node's names", (_label, build) => {
    const tree = () => {
      const gen = new codegen.CodeGen(new Scope());
      build(gen);
      return gen._root as TreeNode;
    };
    const { ajvs, linear } = both(pkg, from, () => countsOf(tree()));
    expect(Object.keys(linear).length).toBeGreaterThan(5);
    expect(linear).toEqual(ajvs);
    expect(Object.values(linear.root!).reduce((a, b) => a + b, 0)).toBeGreaterThan(2);
  });

  it("leaves a block kind it does not know to its own getter, whose super is the linear one", () => {
    const gen = new codegen.CodeGen(new Scope());
    gen.if(true);
    // A subclass of AJV's If (not exported: reached through a node), with a getter of its own.
    const IfClass = gen._currNode.constructor as new (condition: unknown, nodes: TreeNode[]) => { get names(): Counts; nodes: TreeNode[] };
    gen.endIf();
    class Extra extends IfClass {
      override get names(): Counts {
        const names = super.names;
        names.extra = (names.extra ?? 0) + 10;
        return names;
      }
    }
    const a = gen.name("a");
    const node = new Extra(_`${a}`, []);
    node.nodes.push(new Extra(_`${a} && ${a}`, []));
    gen._root.nodes.push(node);
    const { ajvs, linear } = both(pkg, from, () => ({ ...gen._root.names }));
    expect(ajvs).toEqual({ a0: 3, extra: 20 }); // gen.name("a") is a0
    expect(linear).toEqual(ajvs);
  });
});

function prepare(node: unknown, prefix: string): unknown {
  if (Array.isArray(node)) return node.map((n) => prepare(n, prefix));
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => !k.startsWith("x-") && !["description", "examples", "example"].includes(k))
      .map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace("#/components/schemas/", prefix) : prepare(v, prefix)]),
  );
}

const componentsOf = (file: string, prefix: string): Record<string, Schema> => {
  const doc = JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
  return Object.fromEntries(Object.entries(doc.components.schemas as Record<string, Schema>).map(([name, s]) => [`${prefix}${name}`, prepare(s, prefix) as Schema]));
};

/** Objects nested `depth` deep, `width` properties each, with enums, patterns, arrays and refs. */
function deep(depth: number, width: number): Schema {
  if (depth === 0) return { type: "string", enum: ["a", "b", "c"] };
  const properties: Record<string, Schema> = {};
  for (let i = 0; i < width; i++) {
    properties[`p${depth}_${i}`] = i % 3 === 0 ? { type: "array", items: deep(depth - 1, width), maxItems: 5 } : i % 3 === 1 ? deep(depth - 1, width) : { type: ["string", "null"], pattern: "^x" };
  }
  return { type: "object", properties, required: [`p${depth}_0`], additionalProperties: false };
}

describe.each(packages)("%s's standalone code is the same with the linear name counts", (pkg, from) => {
  const { Ajv2020, standaloneCode } = ajvPackage(pkg, from);
  const deepSchemas: Record<string, Schema> = {
    "urn:t:Deep": deep(4, 4),
    "urn:t:Uses": { type: "object", properties: { deep: { $ref: "urn:t:Deep" }, list: { type: "array", items: { $ref: "urn:t:Deep" } } } },
  };
  it.each([
    ["our spec's components", componentsOf("generated/openapi.json", "urn:t:")],
    ["the keywords fixture's components", componentsOf("test/pipeline/fixtures/keywords.openapi.json", "urn:k:")],
    ["a deeply nested schema", deepSchemas],
  ] as const)("%s", (_label, schemas) => {
    const code = () => {
      const ajv = new Ajv2020(ajvOptions(fullFormats));
      for (const [id, schema] of Object.entries(schemas)) ajv.addSchema({ ...schema, $id: id }, id);
      return standaloneCode(ajv, Object.fromEntries(Object.keys(schemas).map((id, i) => [`v${i}`, id])));
    };
    const { ajvs, linear } = both(pkg, from, code);
    expect(linear.length).toBeGreaterThan(1000);
    expect(linear).toBe(ajvs);
  });
});

describe("installed only over the getters it was written against", () => {
  it("leaves AJV as it ships when a getter differs, and says which", () => {
    const { codegen, Scope } = ajvPackage("ajv", import.meta.url);
    install("ajv", import.meta.url).restore();
    const gen = new codegen.CodeGen(new Scope());
    gen.forOf("x", codegen._`a`, () => {});
    const ForIter = Object.getPrototypeOf(gen._root.nodes[0]);
    const original = Object.getOwnPropertyDescriptor(ForIter, "names")!;
    Object.defineProperty(ForIter, "names", { configurable: true, get() { return {}; } });
    try {
      const handle = install("ajv", import.meta.url);
      expect(handle.installed).toBe(false);
      expect(handle.reason).toBe("ajv's ForIter names getter is not the one codegen-names.mjs was written against");
      expect(Object.getOwnPropertyDescriptor(ForIter, "names")!.get!.toString()).toContain("return {}");
    } finally {
      Object.defineProperty(ForIter, "names", original);
    }
    expect(install("ajv", import.meta.url).installed).toBe(true);
  });
});
