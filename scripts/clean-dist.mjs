// The first step of `npm run build` (and of the tests' global setup, test/setup/build.ts): empties
// dist/, so the build starts from nothing. tsc never deletes an output, so a renamed or removed src/
// file's old dist/*.js and *.d.ts stayed and shipped (`prepack` runs the build). dist/docs/ (the
// output of `npm run docs`, not shipped) is kept. Node, not `rm -rf`: npm runs scripts in cmd.exe on Windows.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const entries = fs.existsSync(dist) ? fs.readdirSync(dist) : [];
for (const entry of entries) {
  if (entry !== "docs") fs.rmSync(path.join(dist, entry), { recursive: true, force: true });
}
