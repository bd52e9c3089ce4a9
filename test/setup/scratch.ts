// Vitest global setup: one scratch folder per run, under the machine's temporary folder, for the
// folders test files make at load (test/scratch.ts). It is removed when the run ends, so a file
// whose every test was filtered out (`-t`), which skips that file's afterAll hooks, leaves nothing.
// A run stopped by Ctrl-C (SIGINT) or SIGTERM does not get to the teardown: vitest's handler calls
// process.exit(); the folder is removed then, on the process's `exit` (synchronously, as it must).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const SCRATCH_ENV = "PUFFLE_TEST_SCRATCH";

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-tests-"));
  // Workers start after the global setup and take this environment with them.
  process.env[SCRATCH_ENV] = root;
  const remove = () => fs.rmSync(root, { recursive: true, force: true });
  process.once("exit", remove);
  return () => {
    process.off("exit", remove);
    remove();
  };
}
