// Every package a shipped file imports is one the package declares in `dependencies`. npm's hoisted
// layout lets a file import any package that happens to be installed (a devDependency here, one of a
// dependency's dependencies at a user's); pnpm's isolated node_modules, Yarn's Plug'n'Play and npm's
// `--install-strategy=linked` do not: there such an import fails, or resolves to another copy.
// The files are the tarball's (`npm pack --dry-run`), their imports read by TypeScript's
// preprocessor: static and dynamic `import`, `export … from`, `require`, `import("…")` types and
// `/// <reference types>`.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

/** The package a bare specifier names: `@scope/name` or `name`, without its subpath. */
const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** The specifiers of a JS or declaration file that name a package (not relative, not `node:`/built-in), with its own name left out. */
function bareImports(text: string, self: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  const specifiers = [...info.importedFiles, ...info.typeReferenceDirectives].map((f) => f.fileName);
  return specifiers.filter((s) => !/^(\.|\/|node:|data:)/.test(s) && !builtinModules.includes(s) && packageOf(s) !== self);
}

describe("the tarball's imports", () => {
  it("bareImports reads every form, and leaves out relative, built-in and self imports", () => {
    const text = `import a from "fastify"; export * from "openapi-fetch/x"; import "@scope/p/sub";
const b = await import("dyn"); const c = require("req"); type T = import("typed").T;
import d from "./local.js"; import e from "node:fs"; import f from "fs"; import g from "puffle-api/schema";`;
    expect(bareImports(`/// <reference types="reffed" />\n${text}`, "puffle-api").map(packageOf).sort()).toEqual(
      ["@scope/p", "dyn", "fastify", "openapi-fetch", "req", "reffed", "typed"].sort(),
    );
  });

  it("every package a shipped .js or .d.ts file imports is in dependencies (no phantom dependency)", () => {
    const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", "--offline"], { cwd: root, env, encoding: "utf8" }));
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path).filter((f: string) => /\.(m?js|cjs|d\.[cm]?ts)$/.test(f));
    expect(files).toContain("dist/cli/main.js");
    const declared = new Set(Object.keys(pkg.dependencies ?? {}));
    const undeclared: string[] = [];
    for (const file of files) {
      for (const specifier of bareImports(readFileSync(path.join(root, file), "utf8"), pkg.name)) {
        if (!declared.has(packageOf(specifier))) undeclared.push(`${file} → ${specifier}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});
