// The `puffle-api/validators` entry (src/validators.ts) type-checks against what `npm run generate`
// makes of a legitimate spec edit, not only against today's generated/: a request field only
// `updateConversation` has (the operations' generated tables then differ in shape) failed
// `npm run typecheck` in src/validators.ts, a file "Adding a field" (openapi/README.md) never sends
// anyone to.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../property/spec.js";
import { generate, removeWorkspace, workspace } from "./harness.js";

/** Generous: a pipeline run and a type check, on a loaded 2-core machine. Not a timing assertion. */
const SLOW = 180_000;

/** `file` of src/ and the src/ modules it imports, directly or not (`from "./json-depth.js"` → json-depth.ts). */
function withLocalImports(file: string, found: Set<string> = new Set()): Set<string> {
  found.add(file);
  for (const [, name] of fs.readFileSync(path.join(repoRoot, "src", file), "utf8").matchAll(/from "\.\/([\w-]+)\.js"/g)) {
    if (!found.has(`${name}.ts`)) withLocalImports(`${name}.ts`, found);
  }
  return found;
}

/** tsc's diagnostics for src/validators.ts (and what it imports) next to the folder `out`, with the repository's compiler options. */
function typeErrors(out: string): string[] {
  const src = path.join(path.dirname(out), "src");
  fs.mkdirSync(src);
  // ES modules, as in the repository (package.json "type": "module").
  fs.writeFileSync(path.join(path.dirname(out), "package.json"), '{ "type": "module" }\n');
  for (const file of withLocalImports("validators.ts")) fs.copyFileSync(path.join(repoRoot, "src", file), path.join(src, file));
  const config = ts.readConfigFile(path.join(repoRoot, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const program = ts.createProgram([path.join(src, "validators.ts")], { ...options, types: [] });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => src, getNewLine: () => "\n" }));
}

describe("src/validators.ts against a spec with a new request field", () => {
  it("a field only updateConversation has", () => {
    const ws = workspace();
    try {
      ws.edit("components/schemas/UpdateConversationRequest.yaml", (t) =>
        t.replace("x-puffle-normalize:\n", "  starred:\n    type: boolean\n    description: Star or unstar the conversation.\n    examples:\n      - true\nx-puffle-normalize:\n"));
      const run = generate(ws);
      expect(run.status, run.stderr).toBe(0);
      expect(fs.readFileSync(path.join(ws.out, "validators.d.ts"), "utf8")).toContain("starred");
      expect(typeErrors(ws.out)).toEqual([]);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

/** tsc's diagnostics for the generated examples.ts in `out` (it imports schema.d.ts beside it). */
function exampleErrors(out: string): string[] {
  fs.writeFileSync(path.join(path.dirname(out), "package.json"), '{ "type": "module" }\n');
  const config = ts.readConfigFile(path.join(repoRoot, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const program = ts.createProgram([path.join(out, "examples.ts")], { ...options, types: [] });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => out, getNewLine: () => "\n" }));
}

// examples.ts indexed a response's type with its status written bare: `["responses"][4XX]` and
// `["responses"][default]` are not TypeScript, so `npm run typecheck` failed in a generated file.
describe("generated/examples.ts against a spec with a response that has examples under a status that is not a number", () => {
  it.each(["4XX", "default"])("%s", (status) => {
    const ws = workspace();
    try {
      ws.edit("paths/api_threads_{id}.yaml", (t) => t.replace("    '409':\n", `    ${status}:\n      $ref: ../components/responses/NotFound.yaml\n    '409':\n`));
      const run = generate(ws);
      expect(run.status, run.stderr).toBe(0);
      expect(exampleErrors(ws.out)).toEqual([]);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

// examples.ts types a property's own examples (`ConversationRow.id`, written beside its `$ref`) by
// indexing the schema's type with the property's name, which is a type error when that type can be
// null (`type: [object, "null"]`: openapi-typescript writes `{ … } | null`), so `npm run typecheck`
// failed in a generated file.
describe("generated/examples.ts against a spec whose schema with property examples may be null", () => {
  it("ConversationRow as type [object, null]", () => {
    const ws = workspace();
    try {
      ws.edit("components/schemas/ConversationRow.yaml", (t) => {
        if (!t.startsWith("type: object\n")) throw new Error("ConversationRow.yaml does not start as the test expects");
        return `type:\n  - object\n  - "null"\n${t.slice("type: object\n".length)}`;
      });
      const run = generate(ws);
      expect(run.status, run.stderr).toBe(0);
      expect(fs.readFileSync(path.join(ws.out, "examples.ts"), "utf8")).toContain('"ConversationRow.id"');
      expect(exampleErrors(ws.out)).toEqual([]);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

/** tsc's diagnostics for every file of src/ next to the folder `out` (its imports of node_modules resolved from this repository's). */
function srcErrors(out: string): string[] {
  const base = path.dirname(out);
  fs.cpSync(path.join(repoRoot, "src"), path.join(base, "src"), { recursive: true });
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(base, "node_modules"), "dir");
  fs.writeFileSync(path.join(base, "package.json"), '{ "type": "module" }\n');
  const files = (fs.readdirSync(path.join(base, "src"), { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => path.join(base, "src", f));
  const config = ts.readConfigFile(path.join(repoRoot, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, base);
  const program = ts.createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => base, getNewLine: () => "\n" }));
}

// A request field made required (a breaking change, but a legitimate one for a major) failed
// `npm run typecheck` in src/cli/program.ts, which passed the CLI's assembled body, a
// Record<string, unknown>, to the client's typed method: "Property 'status' is missing in type
// 'Record<string, unknown>'", in a file no step of the docs names.
describe("src/ against a spec whose request field is made required", () => {
  it("updateConversation's status required", () => {
    const ws = workspace();
    try {
      ws.edit("components/schemas/UpdateConversationRequest.yaml", (t) => t.replace("minProperties: 1\n", "minProperties: 1\nrequired:\n  - status\n"));
      // The markRead example (unread_count alone) no longer fits the conversations body: lint refuses it.
      ws.edit("paths/api_conversations_{id}.yaml", (t) => t.replace("          markRead:\n            $ref: ../components/examples/MarkReadRequest.yaml\n", ""));
      const run = generate(ws);
      expect(run.status, run.stderr).toBe(0);
      expect(fs.readFileSync(path.join(ws.out, "schema.d.ts"), "utf8")).toMatch(/UpdateConversationRequest: \{\n[^}]*\bstatus: /);
      expect(srcErrors(ws.out)).toEqual([]);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});
