// What an SDK user's editor shows on hover: every export of `puffle-api`, `puffle-api/validators` and
// `puffle-api/server` declared in this repo (src/, generated/validators.d.ts), and every public
// member of its classes, interfaces and object types, has a JSDoc comment.
// The generated types of the spec (generated/schema.d.ts) carry the spec's descriptions and are not
// checked here. Read with the TypeScript compiler from the sources, as the declarations in dist/
// are emitted from them.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const entries = { "puffle-api": "src/index.ts", "puffle-api/validators": "src/validators.ts", "puffle-api/server": "src/server/index.ts" };

const program = ts.createProgram(
  Object.values(entries).map((file) => path.join(root, file)),
  { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, skipLibCheck: true, noEmit: true, types: ["node"] },
);
const checker = program.getTypeChecker();

/** Declared in this repo, outside the spec's generated types. */
const isOurs = (declaration: ts.Declaration) => {
  const file = path.relative(root, declaration.getSourceFile().fileName);
  return (file.startsWith("src/") || file.startsWith("generated/")) && file !== "generated/schema.d.ts";
};
const documented = (symbol: ts.Symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== "";

function undocumented(entry: string, file: string): string[] {
  const source = program.getSourceFile(path.join(root, file))!;
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.declarations ?? []).some(isOurs)) continue;
    if (!documented(symbol)) missing.push(`${entry}: ${exported.name}`);
    if (!(symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    if (type.isUnion()) continue;
    for (const member of checker.getPropertiesOfType(type)) {
      const declarations = member.declarations ?? [];
      if (!declarations.some(isOurs)) continue;
      if (declarations.some((d) => ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected))) continue;
      // `#private` members (Store's) are not in any declaration a user sees.
      if (declarations.some((d) => { const name = ts.getNameOfDeclaration(d); return name !== undefined && ts.isPrivateIdentifier(name); })) continue;
      if (!documented(member)) missing.push(`${entry}: ${exported.name}.${member.name}`);
    }
  }
  return missing;
}

describe("the public declarations carry JSDoc (hover text in an editor)", () => {
  it.each(Object.entries(entries))("%s", (entry, file) => {
    expect(program.getSemanticDiagnostics(program.getSourceFile(path.join(root, file))).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
    expect(undocumented(entry, file)).toEqual([]);
  });

  it("the check sees the members it reads (a class's, an interface's, a generated one's)", () => {
    const names = (entry: keyof typeof entries) => {
      const source = program.getSourceFile(path.join(root, entries[entry]))!;
      return checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => s.name);
    };
    expect(names("puffle-api")).toEqual(expect.arrayContaining(["PuffleApiError", "PuffleClientOptions", "PuffleClient", "createPuffleClient"]));
    expect(names("puffle-api/validators")).toEqual(expect.arrayContaining(["schemas", "AjvError", "ValidationIssue", "validateRequestBody"]));
    expect(names("puffle-api/server")).toEqual(expect.arrayContaining(["createServer", "startServer", "loadSeed", "validateSeed", "Store", "Seed", "SeedUser", "RunningServer", "defaultSeed", "ALICE_TOKEN"]));
  });
});

// A JSDoc comment belongs to the declaration just below it: one directly above another is shown by
// no editor (a function inserted between a doc and its function left createServer's and discard's
// docs so). Every source file of src/ and scripts/, the ones dist/ and the pipeline are built from.
describe("no doc comment is left directly above another one", () => {
  const sources = ["src", "scripts"].flatMap((dir) =>
    (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
      .filter((file) => /\.(ts|mts|mjs)$/.test(file) && !file.endsWith(".d.ts"))
      .map((file) => path.join(dir, file)),
  );

  it("reads the sources (src/ and scripts/)", () => {
    expect(sources).toEqual(expect.arrayContaining([path.join("src", "client.ts"), path.join("src", "server", "index.ts"), path.join("scripts", "lib", "validators.mjs")]));
  });

  it.each(sources)("%s", (file) => {
    const stacked: string[] = [];
    let previous = "";
    fs.readFileSync(path.join(root, file), "utf8").split("\n").forEach((line, i) => {
      if (/^\s*\/\*\*/.test(line) && /\*\/\s*$/.test(previous)) stacked.push(`${file}:${i + 1}: ${line.trim()} (right under the end of another comment)`);
      if (line.trim() !== "") previous = line;
    });
    expect(stacked).toEqual([]);
  });
});
