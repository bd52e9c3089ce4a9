// What a TypeScript user reads: the spec's types by their names in compiler messages and in an
// editor's hover, not their structure. generated/schema.d.ts writes each schema's root type as the
// schema's own type (scripts/lib/types.mjs, namedRootTypes); an alias of `components['schemas'][…]`
// gave no name, so `const thread = await puffle.updateThread(…)` showed as `{ account_id?: …; … } &
// { … } & { … }` and a misspelled field as "does not exist in type '{ account_id?: …; ... 6 more
// ...; }'". Compiled with the TypeScript compiler, a consumer file importing src/index.ts.
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const consumer = path.join(root, "test/types/__type-names-consumer.ts");
const source = `
import { createPuffleClient, isDuplicateThreadError } from "./../../src/index.js";
import type { components, UpdateThreadRequest } from "./../../src/index.js";
const puffle = createPuffleClient({ apiKey: "k" });
const id = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
export const thread = await puffle.updateThread(id, { status: "archived" });
export const conversation = await puffle.updateConversation(id, { unread_count: 0 });
export function existing(error: unknown) { return isDuplicateThreadError(error) ? error.existingThread : undefined; }
export const problem = (error: unknown) => (isDuplicateThreadError(error) ? error.problem : undefined);
await puffle.updateThread(id, { staus: "archived" });
await puffle.updateConversation(id, { draft_subject: "Hi" });
export const body: UpdateThreadRequest = { status: "active" };
export const same: components["schemas"]["UpdateThreadRequest"] = body;
export const back: UpdateThreadRequest = same;
`;

const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, skipLibCheck: true, noEmit: true, types: ["node"] };
const host = ts.createCompilerHost(options);
const readFile = host.readFile.bind(host);
const getSourceFile = host.getSourceFile.bind(host);
host.fileExists = ((exists) => (file: string) => file === consumer || exists(file))(host.fileExists.bind(host));
host.readFile = (file) => (file === consumer ? source : readFile(file));
host.getSourceFile = (file, language, ...rest) => (file === consumer ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest));
const program = ts.createProgram([consumer], options, host);
const checker = program.getTypeChecker();
const file = program.getSourceFile(consumer)!;
const messages = program.getSemanticDiagnostics(file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));

/** The type of an exported declaration, as the hover on its name shows it. */
function shown(name: string): string {
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).find((s) => s.name === name)!;
  const type = checker.getTypeOfSymbol(symbol);
  const signature = type.getCallSignatures()[0];
  return checker.typeToString(signature ? checker.getNonNullableType(signature.getReturnType()) : type, undefined, ts.TypeFormatFlags.NoTruncation);
}

describe("the spec's types are shown by name", () => {
  it("the methods' results: Thread, Conversation; a 409's existing thread and problem", () => {
    expect(shown("thread")).toBe("Thread");
    expect(shown("conversation")).toBe("Conversation");
    expect(shown("existing")).toBe("Thread");
    expect(shown("problem")).toBe("DuplicateThreadProblem");
  });

  it("a misspelled or foreign field names the request type", () => {
    expect(messages).toEqual([
      "Object literal may only specify known properties, but 'staus' does not exist in type 'UpdateThreadRequest'. Did you mean to write 'status'?",
      "Object literal may only specify known properties, and 'draft_subject' does not exist in type 'UpdateConversationRequest'.",
    ]);
  });
});
