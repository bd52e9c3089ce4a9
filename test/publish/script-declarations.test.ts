// The hand-written declarations of scripts/publish/*.mjs (the .d.mts beside each, which the tests
// type-check against) say what the modules export: no name a module does not have, none missing,
// and breaking-rules.d.mts's SEVERITY and Finding.side as the rules give them. Read with the
// TypeScript compiler; the modules are imported to compare. A file left with merge conflict markers
// (`<<<<<<<`, `=======`, `>>>>>>>`) is refused, naming the file and the line: the compiler read a
// .d.mts holding them, symbols and all, and every other check here passed.
import fs from "node:fs";
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

/** A line git writes around a conflict it could not merge (`|||||||`: diff3's base). */
const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7}|\|{7})(?:[ \t]|$)/;

describe("scripts/publish/*.d.mts declare what the modules export", () => {
  it.each(modules)("%s: the declaration and the module hold no merge conflict markers, and the declaration parses", (name) => {
    const problems: string[] = [];
    for (const file of [declarationFile(name), path.join(root, "scripts/publish", `${name}.mjs`)]) {
      fs.readFileSync(file, "utf8").split(/\r\n|\n|\r/).forEach((line, i) => {
        if (CONFLICT_MARKER.test(line)) problems.push(`${path.relative(root, file)}:${i + 1}: a merge conflict marker (${line.slice(0, 7)}) is left`);
      });
    }
    const source = program.getSourceFile(declarationFile(name))!;
    for (const diagnostic of program.getSyntacticDiagnostics(source).filter((d) => d.code !== 1185)) { // 1185: a conflict marker, named above
      const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      problems.push(`${path.relative(root, declarationFile(name))}:${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`);
    }
    expect(problems).toEqual([]);
  });

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
