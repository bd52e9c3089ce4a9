// The first step of `npm run build` (and of the tests' global setup, test/setup/build.ts): removes
// from dist/ every file that no src/ file compiles to — tsc never deletes an output, so a renamed or
// removed src/ file's old dist/*.js and *.d.ts stayed and shipped (`prepack` runs the build) — and
// the folders left empty. The outputs of existing sources stay where they are until tsc rewrites
// them, so a second build or test run in the same clone never finds dist/cli/main.js missing.
// dist/docs/ (the output of `npm run docs`, not shipped) is kept. Node, not `rm -rf`: npm runs
// scripts in cmd.exe on Windows.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(repo, "dist");
const src = path.join(repo, "src");
/** What tsc writes for src/<name>.ts: <name>.js, .d.ts and their source maps. */
const OUTPUT = /^(.*)\.(?:js|d\.ts)(?:\.map)?$/;

/** Removes the stale files under `dir` (`rel` its path under dist/); true when `dir` is left empty. */
function clean(dir, rel) {
  let left = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const here = path.join(dir, entry.name);
    const relHere = path.join(rel, entry.name);
    if (entry.isDirectory()) {
      if (rel === "" && entry.name === "docs") left++;
      else if (clean(here, relHere)) fs.rmdirSync(here);
      else left++;
      continue;
    }
    const output = OUTPUT.exec(relHere);
    if (output !== null && fs.existsSync(path.join(src, `${output[1]}.ts`))) left++;
    else fs.rmSync(here, { force: true });
  }
  return left === 0;
}

if (fs.existsSync(dist)) clean(dist, "");
