// A consumer that emits declarations (`declaration: true`) of an inferred `client.PATCH(...)` result
// gets a type TypeScript has to name. Where openapi-fetch can be found from the consumer's folder —
// npm's default hoisted node_modules, Yarn's Plug'n'Play (TypeScript patched by Yarn resolves any
// package there) — it named it `import("openapi-fetch").FetchResponse`: a package the consumer does
// not depend on, so those declarations fail with TS2307 wherever openapi-fetch is not importable
// (under Plug'n'Play, in the same project; under pnpm, in a project that installs the consumer).
// Laid out here as npm hoists it: puffle-api and openapi-fetch side by side in node_modules.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";

const dir = scratchDir("puffle-declnames-");

it("declarations of inferred client.PATCH and client.request results name their type through puffle-api, not openapi-fetch, in a hoisted node_modules", () => {
  const modules = path.join(dir, "node_modules");
  mkdirSync(path.join(modules, "@types"), { recursive: true });
  // dist/ is fresh: the vitest global setup runs the build.
  symlinkSync(root, path.join(modules, "puffle-api"), "dir");
  for (const name of ["openapi-fetch", "openapi-typescript-helpers", "@types/node"]) symlinkSync(path.join(root, "node_modules", name), path.join(modules, name), "dir");
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "hoisted-consumer", private: true, type: "module", dependencies: { "puffle-api": "*" } }));
  const source = path.join(dir, "calls.ts");
  writeFileSync(
    source,
    `import { createPuffleClient } from "puffle-api";
const client = createPuffleClient({ apiKey: "puffle_test_alice" });
export const patchThread = (id: string) => client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "archived" } });
export const patchConversation = (id: string) => client.PATCH("/api/conversations/{id}", { params: { path: { id } }, body: { unread_count: 0 } });
export const requestThread = (id: string) => client.request("patch", "/api/threads/{id}", { params: { path: { id } }, body: { status: "active" } });
`,
  );
  const emitted: string[] = [];
  const program = ts.createProgram([source], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: path.join(dir, "out"),
    types: ["node"],
  });
  const result = program.emit(undefined, (_file, text) => emitted.push(text));
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(diagnostics).toEqual([]);
  const declarations = emitted.join("\n");
  expect(declarations.match(/import\("[^"]+"\)\.\w*FetchResponse\b/g)).toEqual(Array(3).fill('import("puffle-api").PuffleFetchResponse'));
  expect(declarations).not.toContain("openapi-fetch");
});
