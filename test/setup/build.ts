// Vitest global setup: removes stale files from dist/, compiles src/ to it and marks the `bin` file
// executable, once per run (`npm run build`'s three steps), so that tests that need the package as
// users get it (the `puffle` binary, dist entries, the packed file list) run against fresh output,
// with nothing a removed src/ file left behind.
// Type errors do not stop the run here (tsc still emits; `npm run typecheck`, part of `npm test`,
// is where they fail); a build that emits nothing does.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const started = Date.now();
  const cleaned = spawnSync(process.execPath, [path.join(root, "scripts/clean-dist.mjs")], { cwd: root, encoding: "utf8" });
  if (cleaned.status !== 0) throw new Error(`scripts/clean-dist.mjs failed: ${cleaned.stdout}${cleaned.stderr}`);
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
  const executable = spawnSync(process.execPath, [path.join(root, "scripts/bin-executable.mjs")], { cwd: root, encoding: "utf8" });
  if (executable.status !== 0) throw new Error(`scripts/bin-executable.mjs failed: ${executable.stdout}${executable.stderr}`);
}
