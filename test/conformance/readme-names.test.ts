// openapi/'s READMEs (the layout, "Adding a field", the checklist of every documented statement)
// name the spec's files and components by hand: `schemas/Thread.yaml`, `ThreadDraft`. A component
// renamed (its file and its $refs, as components/README.md describes) passed npm run generate, tsc
// once src/ followed, and every test, while those pages kept sending readers to a file that no
// longer exists. Every `….yaml` they name must be a file, every `PascalCase` word a component.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root, spec, type JsonObject } from "../helpers.js";

const READMES = ["openapi/README.md", "openapi/components/README.md", "openapi/paths/README.md"];
/** PascalCase words of those pages that are not components of the spec. */
const NOT_COMPONENTS = new Set(["Allow", "PuffleApiError"]);

/** Where a README's `….yaml` may be relative to: openapi/, paths/, the component folders, the repository. */
const BASES = ["openapi", "openapi/paths", "openapi/components", ...fs.readdirSync(path.join(root, "openapi/components"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `openapi/components/${d.name}`), "."];

export function readmeNameProblems(file: string, markdown: string, exists: (relative: string) => boolean, components: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const [, code] of markdown.matchAll(/`([^`\n]+)`/g)) {
    for (const [yaml] of code!.matchAll(/[\w{}./-]+\.yaml/g)) {
      const relative = yaml.replace(/^(\.\.\/)+/, "");
      if (!BASES.some((base) => exists(path.join(base, relative)))) problems.push(`${file}: \`${code}\` names ${yaml}, which is no file of openapi/ (renamed? update this page)`);
    }
    if (/^[A-Z][a-z][A-Za-z0-9]*$/.test(code!) && !components.has(code!) && !NOT_COMPONENTS.has(code!)) {
      problems.push(`${file}: \`${code}\` is no component of the spec (renamed? update this page; or list it in NOT_COMPONENTS of test/conformance/readme-names.test.ts)`);
    }
  }
  return problems;
}

const components = new Set(Object.values(spec.components as Record<string, JsonObject>).flatMap((kind) => Object.keys(kind)));
const exists = (relative: string) => fs.existsSync(path.join(root, relative));

describe("openapi/'s READMEs name files and components that exist", () => {
  it.each(READMES)("%s", (file) => {
    expect(readmeNameProblems(file, fs.readFileSync(path.join(root, file), "utf8"), exists, components)).toEqual([]);
  });

  it("the check can fail: a schema renamed (ThreadDraft → DraftColumns, its file and $refs)", () => {
    const renamed = new Set([...components].filter((name) => name !== "ThreadDraft").concat("DraftColumns"));
    const existsRenamed = (relative: string) => !relative.endsWith("ThreadDraft.yaml") && exists(relative);
    const markdown = "A property of `ConversationRow` or `ThreadDraft`; response `ThreadDraft.yaml`, `schemas/Thread.yaml`.";
    expect(readmeNameProblems("openapi/README.md", markdown, existsRenamed, renamed)).toEqual([
      "openapi/README.md: `ThreadDraft` is no component of the spec (renamed? update this page; or list it in NOT_COMPONENTS of test/conformance/readme-names.test.ts)",
      "openapi/README.md: `ThreadDraft.yaml` names ThreadDraft.yaml, which is no file of openapi/ (renamed? update this page)",
    ]);
  });
});
