// The hand-written declarations of scripts/publish/*.mjs (the .d.mts beside each, which the tests
// type-check against) say what the modules export: no name a module does not have, none missing,
// and breaking-rules.d.mts's SEVERITY and Finding.side as the rules give them. Read with the
// TypeScript compiler; the modules are imported to compare.
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { breakingChanges, SEVERITY } from "../../scripts/publish/breaking-rules.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const modules = ["breaking-rules", "code-samples", "package-surface", "schema-descriptions", "write-files"];
const declarationFile = (name: string) => path.join(root, "scripts/publish", `${name}.d.mts`);

const program = ts.createProgram(modules.map(declarationFile), { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, types: [] });
const checker = program.getTypeChecker();
const exportsOf = (name: string) => checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(declarationFile(name))!)!);

describe("scripts/publish/*.d.mts declare what the modules export", () => {
  it.each(modules)("%s: the same value exports", async (name) => {
    const declared = exportsOf(name).filter((s) => s.flags & ts.SymbolFlags.Value).map((s) => s.name).sort();
    const actual = Object.keys(await import(pathToFileURL(path.join(root, "scripts/publish", `${name}.mjs`)).href)).sort();
    expect(declared).toEqual(actual);
  });

  it("breaking-rules: SEVERITY declares every rule with its severity", () => {
    const severity = exportsOf("breaking-rules").find((s) => s.name === "SEVERITY")!;
    const declared = Object.fromEntries(
      checker.getPropertiesOfType(checker.getTypeOfSymbol(severity)).map((p) => [p.name, (checker.getTypeOfSymbol(p) as ts.StringLiteralType).value]),
    );
    expect(declared).toEqual({ ...SEVERITY });
  });

  it("breaking-rules: Finding.side names every side a finding has (a removed component's is `package`)", () => {
    const finding = exportsOf("breaking-rules").find((s) => s.name === "Finding")!;
    const side = checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(finding), "side")!;
    const type = checker.getTypeOfSymbol(side);
    const declared = (type.isUnion() ? type.types : [type]).map((t) => (t as ts.StringLiteralType).value);
    const spec = (schemas: Record<string, unknown>) => ({ openapi: "3.1.0", info: { title: "t", version: "1.0.0" }, paths: {}, components: { schemas } });
    const sides = breakingChanges(spec({ Gone: { type: "string" } }), spec({})).map((f) => f.side);
    expect(sides).toContain("package");
    for (const s of sides) expect(declared).toContain(s);
    expect(declared.sort()).toEqual(["operation", "package", "request", "response"]);
  });
});
