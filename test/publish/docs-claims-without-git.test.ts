// test/publish/docs-claims.test.ts lists the docs it checks with `git ls-files`. Without git on the
// PATH it failed at load with "TypeError: Cannot read properties of null (reading 'split')", and
// outside a git checkout (a source archive) with "expected [] to deeply equal ArrayContaining{…}"
// and two more failures, neither saying what was missing. It now skips the tests that read the docs
// (as docs-sentences.test.ts does without ../shared/reference), with one line saying why; its
// other tests still run. Each case runs that file in a vitest of its own
// (test/fixtures/docs-claims/vitest.config.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";
import { SCRATCH_ENV } from "../setup/scratch.js";

const work = scratchDir("puffle-docs-claims-without-git-");

function runDocsClaims(env: Record<string, string>) {
  // This run's own scratch folder is in the environment: the nested run must not inherit it. Its
  // TMPDIR is a folder of its own, to see what it leaves there.
  const { [SCRATCH_ENV]: _outer, ...outer } = process.env;
  const tmp = fs.mkdtempSync(path.join(work, "tmp-"));
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--config", "test/fixtures/docs-claims/vitest.config.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...outer, NO_COLOR: "1", TMPDIR: tmp, ...env },
    timeout: 120_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}`, left: fs.readdirSync(tmp).filter((name) => name.startsWith("puffle-")) };
}

describe("docs-claims.test.ts where the tracked docs cannot be listed", () => {
  it.each([
    ["no git on the PATH", { PATH: path.join(root, "no-such-folder") }, "git cannot be run (ENOENT)"],
    ["not a git checkout", { GIT_DIR: path.join(root, "no-such-folder", ".git") }, "git ls-files failed: fatal: not a git repository"],
  ])("%s: its doc tests are skipped, with one line saying what is missing", (_name, env, why) => {
    const { status, output, left } = runDocsClaims(env);
    expect(output).not.toContain("TypeError");
    // A scratch folder made as the file loaded, for tests then skipped, was left behind.
    expect(left).toEqual([]);
    expect(output).toContain(`docs-claims: the docs' claims are not checked: their list is the tracked README.md and docs/*.md files, from git ls-files, and ${why}`);
    expect(output).toMatch(/Tests +\d+ passed \| \d+ skipped \(\d+\)/);
    expect(status, output).toBe(0);
  });
});
