// locate (scripts/lib/locate.mjs): a JSON Pointer into the bundled spec → the openapi/ file and line
// it came from, as prose-bounds.test.ts and the pipeline's errors name them. A scratch openapi/ with
// what a spec editor may write: a YAML alias, CRLF line endings, a path file with an inline schema,
// a property given by `$ref` to another file.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";

const { locate } = (await import(path.join(root, "scripts/lib/locate.mjs"))) as { locate: (rootFile: string, pointer: string) => { file: string; line: number; col: number } };

const dir = scratchDir("puffle-locate-");
const files: Record<string, string> = {
  "openapi.yaml": "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /things/{id}:\n    $ref: paths/things_{id}.yaml\n",
  "paths/things_{id}.yaml": "patch:\n  requestBody:\n    content:\n      application/json:\n        schema:\n          type: object\n          properties:\n            note:\n              type: string\n              description: At most 5 characters.\n",
  // `b` shares `a`'s schema through an alias: its description is written at the anchor.
  "components/schemas/X.yaml": "type: object\nproperties:\n  a: &name\n    type: string\n    maxLength: 5\n    description: At most 5 characters.\n  b: *name\n  c:\n    $ref: Y.yaml\n",
  "components/schemas/Y.yaml": "type: object\r\nproperties:\r\n  d:\r\n    type: string\r\n    description: At most 5 characters.\r\n",
};
for (const [name, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}
const at = (pointer: string) => {
  const { file, line } = locate(path.join(dir, "openapi.yaml"), pointer);
  return `${path.relative(dir, file)}:${line}`;
};

describe("locate", () => {
  it("a property under an alias: the line at its anchor, where it is written", () => {
    expect(at("/components/schemas/X/properties/b/description")).toBe("components/schemas/X.yaml:6");
    expect(at("/components/schemas/X/properties/b")).toBe("components/schemas/X.yaml:7");
    expect(at("/components/schemas/X/properties/a/description")).toBe("components/schemas/X.yaml:6");
  });

  it("CRLF line endings, a $ref to another file, a path file's inline schema", () => {
    expect(at("/components/schemas/Y/properties/d/description")).toBe("components/schemas/Y.yaml:5");
    expect(at("/components/schemas/X/properties/c/properties/d/description")).toBe("components/schemas/Y.yaml:5");
    expect(at("/paths/~1things~1{id}/patch/requestBody/content/application~1json/schema/properties/note/description")).toBe("paths/things_{id}.yaml:10");
  });
});
