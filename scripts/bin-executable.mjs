// The last step of `npm run build` (and of the tests' global setup, test/setup/build.ts): marks each
// package.json `bin` file (dist/cli/main.js) executable, as npm does when it installs the package.
// tsc writes its outputs with the default mode (0644), so a checkout's `./dist/cli/main.js …` was
// "Permission denied" though the file starts with `#!/usr/bin/env node`. Adds the execute bit where
// the read bit is (`chmod +x` under a 022 umask); tsc keeps a file's mode when it rewrites it. A bin
// file the build did not make is an error (exit 1, naming it). Works on the package.json beside its
// scripts/ folder; on Windows, where a file has no execute bit, it only checks the files exist.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8"));
const bins = typeof pkg.bin === "string" ? [pkg.bin] : Object.values(pkg.bin ?? {});
let failed = false;
for (const bin of bins) {
  const file = path.join(repo, bin);
  let mode;
  try {
    mode = fs.statSync(file).mode;
  } catch (error) {
    process.stderr.write(`bin-executable: package.json bin ${JSON.stringify(bin)} was not built (${error.code ?? error.message})\n`);
    failed = true;
    continue;
  }
  if (process.platform !== "win32") fs.chmodSync(file, (mode & 0o7777) | ((mode & 0o444) >> 2));
}
if (failed) process.exitCode = 1;
