// The bench's slices of GitHub's spec (test/bench/scenarios/github-spec.mjs, sliceSpec), used to
// tabulate pipeline time against spec size: every k-th path and webhook, with exactly the
// components they reach through $ref, transitively, and no $ref left dangling.
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM without declarations
import { sliceSpec } from "../bench/scenarios/github-spec.mjs";

const ref = (type: string, name: string) => ({ $ref: `#/components/${type}/${name}` });
const op = (schema: object) => ({ patch: { responses: { "200": { description: "ok", content: { "application/json": { schema } } } } } });

const doc = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/a": op(ref("schemas", "A")),
    "/b": op(ref("schemas", "B")),
    "/c": { patch: { parameters: [ref("parameters", "p")], responses: { "404": ref("responses", "notFound") } } },
    "/d": op({ type: "string" }),
  },
  "x-webhooks": { one: op(ref("schemas", "Hook")), two: op(ref("schemas", "B")) },
  components: {
    schemas: {
      A: { type: "object", properties: { child: ref("schemas", "Child"), self: ref("schemas", "A") } },
      B: { type: "object" },
      Child: { type: "array", items: ref("schemas", "a~1b") },
      "a/b": { type: "string" },
      Hook: { type: "object" },
      Unused: { type: "object" },
    },
    parameters: { p: { name: "p", in: "query", schema: ref("schemas", "B") } },
    responses: { notFound: { description: "nf", content: { "application/json": { schema: ref("schemas", "Hook") } } } },
    securitySchemes: { token: { type: "http", scheme: "bearer" } },
  },
};

/** Every component $ref under `node`, as "type/name". */
function refsIn(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const x of node) refsIn(x, out);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.add(v.replace("#/components/", "").replace("~1", "/"));
      else refsIn(v, out);
    }
  }
  return out;
}

const names = (o: Record<string, unknown> | undefined) => Object.keys(o ?? {});

describe("sliceSpec (bench: time against spec size)", () => {
  it.each([
    ["every 1st: all paths, every reachable component (Unused goes)", {
      every: 1,
      want: { paths: ["/a", "/b", "/c", "/d"], hooks: ["one", "two"], schemas: ["A", "B", "Child", "a/b", "Hook"], parameters: ["p"], responses: ["notFound"] },
    }],
    ["every 2nd: /a and /c, webhook one; what /a reaches transitively (A → Child → a/b), /c's parameter and response", {
      every: 2,
      want: { paths: ["/a", "/c"], hooks: ["one"], schemas: ["A", "B", "Child", "a/b", "Hook"], parameters: ["p"], responses: ["notFound"] },
    }],
    ["every 3rd: /a and /d, webhook one", {
      every: 3,
      want: { paths: ["/a", "/d"], hooks: ["one"], schemas: ["A", "Child", "a/b", "Hook"], parameters: [], responses: [] },
    }],
    ["every 4th: /a only", {
      every: 4,
      want: { paths: ["/a"], hooks: ["one"], schemas: ["A", "Child", "a/b", "Hook"], parameters: [], responses: [] },
    }],
  ])("%s", (_name, { every, want }) => {
    const got = sliceSpec(doc, every);
    expect(names(got.paths)).toEqual(want.paths);
    expect(names(got["x-webhooks"])).toEqual(want.hooks);
    expect(names(got.components.schemas).sort()).toEqual([...want.schemas].sort());
    expect(names(got.components.parameters)).toEqual(want.parameters);
    expect(names(got.components.responses)).toEqual(want.responses);
    // Named by `security`, not by $ref: kept whole.
    expect(got.components.securitySchemes).toEqual(doc.components.securitySchemes);
    // Nothing dangles, and nothing is kept that nothing reaches.
    const reached = refsIn({ paths: got.paths, hooks: got["x-webhooks"], components: got.components });
    const kept = new Set(Object.entries(got.components).filter(([t]) => t !== "securitySchemes").flatMap(([t, m]) => names(m as Record<string, unknown>).map((n) => `${t}/${n}`)));
    expect([...reached].sort()).toEqual([...kept].sort());
    // The input is left as it was.
    expect(names(doc.paths)).toHaveLength(4);
  });

  it.each([[0], [1.5], [-2], [Number.NaN]])("rejects every = %s", (every) => {
    expect(() => sliceSpec(doc, every)).toThrow(/every must be a positive integer/);
  });

  it("names a $ref that does not resolve", () => {
    const broken = { ...doc, paths: { "/x": op(ref("schemas", "Missing")) } };
    expect(() => sliceSpec(broken, 1)).toThrow("#/components/schemas/Missing does not resolve");
  });
});
