// Writes scripts/lib/meta-validator-2020.mjs: AJV's 2020-12 meta-schema validator, precompiled
// (see metaValidatorSource in scripts/lib/validators.mjs). Run after upgrading ajv;
// test/pipeline/meta-validator.test.ts fails until then.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { shown, writeFailure, writeFilesAtomically } from "./publish/write-files.mjs";

const target = fileURLToPath(new URL("./lib/meta-validator-2020.mjs", import.meta.url));
// validators.mjs imports the file it writes: a placeholder lets it load the first time.
if (!fs.existsSync(target)) fs.writeFileSync(target, "export const validateMeta2020 = null;\n");
const { metaValidatorSource } = await import("./lib/validators.mjs");
// Through a temporary name and a rename: a run stopped while it writes never leaves a truncated
// module, which every later generate would fail to import.
// A failed write is one line (it was a stack trace), saying whether the module is as it was.
try {
  writeFilesAtomically([[target, metaValidatorSource()]]);
} catch (err) {
  process.stderr.write(`build-meta-validator: ${writeFailure(err, process.cwd(), `${shown(target)} left as it was`)}\n`);
  process.exit(1);
}
console.log(`wrote ${target}`);
