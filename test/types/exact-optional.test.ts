// test/types/exact-optional.test-d.ts is typechecked under tsconfig.json (`exactOptionalPropertyTypes`
// off) by `npm run typecheck` and vitest's typecheck mode. Here it is compiled again with the flag
// on, as a strict consumer compiles it: its own diagnostics must be none either way.
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const file = path.join(root, "test/types/exact-optional.test-d.ts");
const base = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!.options;

function diagnostics(exactOptionalPropertyTypes: boolean): string[] {
  const program = ts.createProgram([file], { ...base, exactOptionalPropertyTypes, noEmit: true });
  const source = program.getSourceFile(file)!;
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
    const { line } = ts.getLineAndCharacterOfPosition(source, d.start ?? 0);
    return `${line + 1}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

describe("a user's option objects and the package's option types (exact-optional.test-d.ts)", () => {
  it.each([false, true])("compile with exactOptionalPropertyTypes: %s", (exact) => {
    expect(diagnostics(exact)).toEqual([]);
  });
});
