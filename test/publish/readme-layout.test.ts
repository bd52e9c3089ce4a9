// README.md's "Layout" lists test/'s suites folder by folder, by hand. It left out `runtimes/` (the
// suite of `npm run test:runtimes`, its own vitest config), so a reader looking for the runtime
// checks README and docs/client.md cite found no place for them. Every folder of test/ holding test
// files (*.test.ts, *.test-d.ts, *.interop.ts, *.runtime.ts, at any depth) is named there; that each
// named one exists is docs-claims.test.ts's check.
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { root } from "../helpers.js";

const TEST_FILE = /\.(test|test-d|interop|runtime)\.ts$/;

/** The first-level folders of `testDir` with a test file in them, at any depth. */
function suiteFolders(testDir: string): string[] {
  return fs
    .readdirSync(testDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== "node_modules")
    .filter((d) => (fs.readdirSync(path.join(testDir, d.name), { recursive: true, encoding: "utf8" }) as string[]).some((f) => TEST_FILE.test(f) && !f.split(path.sep).includes("node_modules")))
    .map((d) => d.name)
    .sort();
}

/** The folders README's Layout gives for test/: the `name/` code spans of its "`test/` vitest suites (…)" part. */
function layoutFolders(readme: string): string[] {
  const layout = readme.split("\n## Layout\n")[1]?.split("\n## ")[0]?.replace(/\s*\n\s*/g, " ") ?? "";
  const part = /`test\/` vitest suites \((.*?)\) ·/.exec(layout)?.[1] ?? "";
  return [...part.matchAll(/`([\w-]+)\/`/g)].map((m) => m[1]!);
}

it("README's Layout names every folder of test/ that holds tests", () => {
  const named = layoutFolders(fs.readFileSync(path.join(root, "README.md"), "utf8"));
  expect(named).toContain("conformance");
  expect(suiteFolders(path.join(root, "test")).filter((folder) => !named.includes(folder))).toEqual([]);
});

it("the check can fail: a suite folder the Layout leaves out", () => {
  expect(layoutFolders("\n## Layout\n\n`test/` vitest suites (`unit/`, `cli/`) · `.ci/run`\n")).toEqual(["unit", "cli"]);
  expect(suiteFolders(path.join(root, "test"))).toEqual(expect.arrayContaining(["runtimes", "unit", "cli", "types"]));
});
