// Vitest global setup: compiles src/ to dist/ once per run (`npm run build`), so that tests that
// need the package as users get it (the `puffle` binary, dist entries) run against fresh output.
// Type errors do not stop the run here (tsc still emits; `npm run typecheck`, part of `npm test`,
// is where they fail); a build that emits nothing does.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json")], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(`build (tsc -p tsconfig.build.json) reported problems; dist/ may be stale:\n${result.stdout}${result.stderr}\n`);
  }
  const entry = path.join(root, "dist/index.js");
  if (!fs.existsSync(entry) || fs.statSync(entry).mtimeMs < started - 1000) {
    throw new Error(`build did not produce ${entry}: ${result.stdout}${result.stderr}`);
  }
}
