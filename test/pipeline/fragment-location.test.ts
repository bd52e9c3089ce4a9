// Where the pipeline says a problem is when it lies in a `$ref` with a fragment into another file
// (`$ref: Defs.yaml#/$defs/Name`). Redocly's bundle makes such a fragment a component of its own,
// named after the fragment's last segment (`#/components/schemas/Name`), with no file of that name:
// an error found after bundling (AJV's, the pipeline's own puffle/* rules) must still name the file
// and line where the fragment is written, as lint's own errors do.
//
// Each row copies openapi/ into a pipeline workspace (harness.ts), makes UpdateThreadRequest's `participant_name` a
// `$ref` to `$defs/Name` of a new components/schemas/Defs.yaml holding the row's lines, and runs the
// whole pipeline (lint included) in-process.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { lineOf, removeWorkspace, workspace } from "./harness.js";
import type { Workspace } from "./harness.js";

type Located = Error & { file?: string; line?: number; col?: number; rule?: string; format(cwd?: string): string };

const { runPipeline } = (await import(path.join(root, "scripts/lib/pipeline.mjs"))) as {
  runPipeline: (options: { spec: string; config: string }) => Promise<Map<string, string>>;
};

/** Defs.yaml: `Name` is the fragment $ref'd, `extra` is added to it; `Other` is $ref'd only when a row does. */
const defs = (extra: string): string =>
  `# Shared definitions, $ref'd by fragment.\n$defs:\n  Other:\n    type: string\n    description: Another.\n  Name:\n    type: string\n    maxLength: 256\n    description: A name.\n${extra}`;

interface Row {
  name: string;
  /** Defs.yaml's text. */
  defs: string;
  rule: string;
  /** Text on the line of Defs.yaml the error must name, and the column (1-based). */
  at: string;
  col: number;
}

const ROWS: Row[] = [
  // Lint reads the files as written: its errors had the right place already.
  { name: "a lint error (struct)", defs: defs('    minLength: "a"\n'), rule: "struct", at: '    minLength: "a"', col: 16 },
  // Found after bundling, in the bundle's component `Name`.
  { name: "a value the meta-schema refuses (ajv/schema)", defs: defs("    multipleOf: 0\n"), rule: "ajv/schema", at: "    multipleOf: 0", col: 5 },
  { name: "a keyword on the wrong type (ajv/strict)", defs: defs("    minimum: 1\n"), rule: "ajv/strict", at: "    minimum: 1", col: 5 },
  { name: "an unknown keyword (ajv/strict)", defs: defs("    xml:\n      name: a\n"), rule: "ajv/strict", at: "    xml:", col: 5 },
  { name: "an unknown format (ajv/unknown-format)", defs: defs("    format: nonsense\n"), rule: "ajv/unknown-format", at: "    format: nonsense", col: 5 },
  { name: "a control character (puffle/unsafe-text)", defs: defs('    examples:\n      - "a\\u0007b"\n'), rule: "puffle/unsafe-text", at: '      - "a\\u0007b"', col: 9 },
  { name: "an extension where it is not read (puffle/x-puffle-normalize)", defs: defs("    x-puffle-normalize:\n      unknownProperties: drop\n"), rule: "puffle/x-puffle-normalize", at: "    x-puffle-normalize:", col: 5 },
  // Read through the request body's property, which $refs the fragment: the walk must enter the
  // fragment, not the file's root.
  { name: "an unknown transform, read through the property (puffle/x-puffle-transform)", defs: defs("    x-puffle-transform: shout\n"), rule: "puffle/x-puffle-transform", at: "    x-puffle-transform: shout", col: 5 },
  // A fragment $ref'd from inside the fragment (a local `#/$defs/Other` in Defs.yaml): its own component.
  { name: "an error in a fragment the fragment $refs locally (#/$defs/Other)", defs: defs("    allOf:\n      - $ref: '#/$defs/Other'\n").replace("    description: Another.\n", "    description: Another.\n    minimum: 1\n"), rule: "ajv/strict", at: "    minimum: 1", col: 5 },
];

const workspaces: Workspace[] = [];
afterAll(() => workspaces.forEach(removeWorkspace));

async function pipelineError(defsText: string, edit?: (ws: Workspace) => void): Promise<{ error: Located | null; dir: string }> {
  const ws = workspace();
  workspaces.push(ws);
  ws.edit("components/schemas/UpdateThreadRequest.yaml", (text) => text.replace("  participant_name:\n    type: string\n    maxLength: 256\n", "  participant_name:\n    $ref: Defs.yaml#/$defs/Name\n"));
  fs.writeFileSync(ws.file("components/schemas/Defs.yaml"), defsText);
  edit?.(ws);
  try {
    await runPipeline({ spec: ws.spec, config: ws.config });
    return { error: null, dir: ws.dir };
  } catch (err) {
    return { error: err as Located, dir: ws.dir };
  }
}

describe("an error in a $ref'd fragment of another file names the file and line where the fragment is written", () => {
  it("the spec with the fragment and nothing wrong in it generates", async () => {
    const { error } = await pipelineError(defs(""));
    expect(error?.stack ?? null).toBeNull();
  });

  it.each(ROWS)("$name", async (row) => {
    const { error, dir } = await pipelineError(row.defs);
    expect(error, "the spec generated").not.toBeNull();
    const want = `openapi/components/schemas/Defs.yaml:${lineOf(row.defs, row.at)}:${row.col} [${row.rule}] `;
    expect(error!.format(dir), error!.stack).toContain(want);
    expect(error!.format(dir).startsWith(want), error!.format(dir)).toBe(true);
  });
});

describe("a fragment named like another of a different kind", () => {
  // The bundle files a header `$ref: Extra.yaml#/Name` under components/headers/Name and the schema
  // fragment under components/schemas/Name: both are `Name`. The path file's header $ref is met
  // first; the schema's error was located at Extra.yaml:1:1.
  it("an error in the schema fragment is located in it, not in the header's file", async () => {
    const row = defs("    minimum: 1\n");
    const { error, dir } = await pipelineError(row, (ws) => {
      const header = "        X-Request-Id:\n          $ref: ../components/headers/XRequestId.yaml\n";
      ws.edit("paths/api_threads_{id}.yaml", (text) => {
        expect(text).toContain(header);
        return text.replace(header, `${header}        X-Name:\n          $ref: ../components/headers/Extra.yaml#/Name\n`);
      });
      fs.writeFileSync(ws.file("components/headers/Extra.yaml"), "Name:\n  description: A name header.\n  schema:\n    type: string\n");
    });
    expect(error, "the spec generated").not.toBeNull();
    expect(error!.format(dir), error!.stack).toMatch(new RegExp(`^openapi/components/schemas/Defs\\.yaml:${lineOf(row, "    minimum: 1")}:5 \\[ajv/strict\\] `));
  });
});
