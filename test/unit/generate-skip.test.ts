// The content-hash skip of `npm run generate`: an unchanged regenerate stops before loading the
// pipeline, a changed input or a touched output runs it again, and `--check` always really compares.
// (No timing is asserted here; `npm run bench` measures the skip.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const script = path.join(root, "scripts/generate.mjs");
let work: string;
let spec: string;
let out: string;

function run(...args: string[]) {
  return runWith({}, ...args);
}
function runWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [script, "--spec", spec, "--config", path.join(root, "redocly.yaml"), "--out", out, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, TMPDIR: work, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** Trust file stats at once (the default waits 2 s after a write before it trusts them). */
const quick = (...args: string[]) => runWith({ PUFFLE_GENERATE_STAT_MARGIN_MS: "0" }, ...args);
const SKIPPED = /is up to date \(inputs unchanged, sha256 [0-9a-f]{12}\); nothing to do/;
const BY_STATS = /checked by file stats/;
const BY_HASH = /checked by content hash/;
const WROTE = /^generate: wrote \d+ files to /m;
/** Gives a file a whole-second mtime, which utimes can restore exactly (stat times are in ns). */
function roundMtime(file: string) {
  const t = Math.floor(Date.now() / 1000) - 60;
  fs.utimesSync(file, t, t);
}
/** Rewrites a file with other bytes of the same length (its last letter a changed) and puts its mtime back. */
function editInPlace(file: string) {
  const before = fs.statSync(file, { bigint: true });
  const text = fs.readFileSync(file, "utf8");
  const i = text.search(/[a-z][^a-z]*$/);
  const changed = text.slice(0, i) + (text[i] === "a" ? "b" : "a") + text.slice(i + 1);
  fs.writeFileSync(file, changed);
  fs.utimesSync(file, Number(before.atimeNs / 1_000_000_000n), Number(before.mtimeNs / 1_000_000_000n));
  const after = fs.statSync(file, { bigint: true });
  expect(after.size).toBe(before.size);
  expect(after.mtimeNs).toBe(before.mtimeNs);
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-generate-skip-"));
  fs.cpSync(path.join(root, "openapi"), path.join(work, "openapi"), { recursive: true });
  spec = path.join(work, "openapi/openapi.yaml");
  out = path.join(work, "generated");
});
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe("generate: content-hash skip", () => {
  it("runs the pipeline the first time, then skips while nothing changed", () => {
    const first = run();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(WROTE);
    const again = run();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(SKIPPED);
    expect(again.stdout).not.toMatch(/^✔ /m);
  });

  it("runs again, restoring the file, when an output was edited by hand", () => {
    const file = path.join(out, "validators.js");
    const before = fs.readFileSync(file, "utf8");
    fs.appendFileSync(file, "// hand edit\n");
    const r = run();
    expect(r.stdout).toMatch(WROTE);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });

  it("runs again when an output is missing or extra", () => {
    fs.rmSync(path.join(out, "meta.js"));
    expect(run().stdout).toMatch(WROTE);
    fs.writeFileSync(path.join(out, "notes.txt"), "x");
    expect(run().stdout).toMatch(WROTE);
    expect(fs.existsSync(path.join(out, "notes.txt"))).toBe(false);
    expect(run().stdout).toMatch(SKIPPED);
  });

  it("runs again when an input changed, and --force always runs", () => {
    const file = path.join(work, "openapi/openapi.yaml");
    fs.appendFileSync(file, "\n# a comment changes the bytes, not the output\n");
    expect(run().stdout).toMatch(WROTE);
    expect(run().stdout).toMatch(SKIPPED);
    expect(run("--force").stdout).toMatch(WROTE);
    // `npm run generate --force`: npm keeps the option (npm_config_force=true) and runs the script without it.
    expect(runWith({ npm_config_force: "true" }).stdout).toMatch(WROTE);
    expect(runWith({ npm_config_force: "" }).stdout).toMatch(SKIPPED);
  });

  it("--check never skips: it compares even when the record says up to date", () => {
    expect(run().stdout).toMatch(SKIPPED);
    const ok = run("--check");
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/generate:check: \d+ files in .* are up to date/);
    // An edited output: --check finds it, whatever the record of the last run says.
    fs.appendFileSync(path.join(out, "schema.d.ts"), "// hand edit\n");
    const stale = run("--check");
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/stale:\s+\S*schema\.d\.ts/);
  });

  it("skips by file stats once they are trusted, without hashing", () => {
    const firstRun = quick();
    expect(firstRun.stdout).toMatch(new RegExp(`${WROTE.source}|${SKIPPED.source}`, "m"));
    const first = quick();
    expect(first.stdout).toMatch(SKIPPED);
    const second = quick();
    expect(second.stdout).toMatch(SKIPPED);
    expect(second.stdout).toMatch(BY_STATS);
  });

  it("does not trust stats recorded right after a write (the default 2 s margin): it hashes", () => {
    expect(run("--force").stdout).toMatch(WROTE);
    const r = run();
    expect(r.stdout).toMatch(SKIPPED);
    expect(r.stdout).toMatch(BY_HASH);
  });

  it("an input rewritten with the same size and mtime is not skipped", () => {
    const file = path.join(work, "openapi/openapi.yaml");
    fs.appendFileSync(file, "# stat test: aaaa\n");
    roundMtime(file);
    quick();
    expect(quick().stdout).toMatch(BY_STATS);
    editInPlace(file);
    const r = quick();
    expect(r.stdout).toMatch(WROTE);
  });

  it("an output rewritten with the same size and mtime is restored", () => {
    const file = path.join(out, "meta.js");
    roundMtime(file);
    quick();
    expect(quick().stdout).toMatch(BY_STATS);
    const before = fs.readFileSync(file, "utf8");
    editInPlace(file);
    expect(quick().stdout).toMatch(WROTE);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });

  it("a touched input (same bytes, new mtime) falls back to the content hash, skips, and is trusted again", () => {
    quick();
    expect(quick().stdout).toMatch(BY_STATS);
    const file = path.join(work, "openapi/openapi.yaml");
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const r = quick();
    expect(r.stdout).toMatch(SKIPPED);
    expect(r.stdout).toMatch(BY_HASH);
    expect(quick().stdout).toMatch(BY_STATS);
  });

  it.each([
    ["an output", () => path.join(out, "examples.ts")],
    ["a file of the spec's folder", () => path.join(work, "openapi/components/README.md")],
  ])("a removed file (%s) is not skipped by stats", (_name, file) => {
    quick();
    expect(quick().stdout).toMatch(BY_STATS);
    fs.rmSync(file());
    expect(quick().stdout).toMatch(WROTE);
    expect(fs.existsSync(path.join(out, "examples.ts"))).toBe(true);
  });

  it("a new file in the spec's folder runs again", () => {
    quick();
    expect(quick().stdout).toMatch(BY_STATS);
    fs.writeFileSync(path.join(work, "openapi/NOTES.md"), "notes\n");
    expect(quick().stdout).toMatch(WROTE);
  });

  it("runs again when an installed package changed, one the six packages load included (npm's node_modules/.package-lock.json)", () => {
    // `npm update` of change-case (openapi-typescript names schema.d.ts's root types with it) left
    // the six hashed versions as they were: generate said up to date and generate:check failed.
    const installed = path.join(work, "package-lock-installed.json");
    fs.copyFileSync(path.join(root, "node_modules/.package-lock.json"), installed);
    const withInstalled = (...args: string[]) => runWith({ PUFFLE_GENERATE_INSTALLED: installed, PUFFLE_GENERATE_STAT_MARGIN_MS: "0" }, ...args);
    withInstalled();
    expect(withInstalled().stdout).toMatch(SKIPPED);
    const lock = JSON.parse(fs.readFileSync(installed, "utf8")) as { packages: Record<string, { version?: string }> };
    const entry = lock.packages["node_modules/change-case"];
    expect(entry?.version, "change-case is installed (openapi-typescript's dependency)").toMatch(/^\d+\.\d+\.\d+/);
    entry!.version = `${entry!.version}-1`;
    fs.writeFileSync(installed, JSON.stringify(lock, null, 2));
    expect(withInstalled().stdout).toMatch(WROTE);
    expect(withInstalled().stdout).toMatch(SKIPPED);
    // The quick check stats it too: the same size and mtime, other bytes, is not skipped.
    roundMtime(installed);
    withInstalled();
    expect(withInstalled().stdout).toMatch(BY_STATS);
    editInPlace(installed);
    expect(withInstalled().stdout).toMatch(WROTE);
  });

  // A symlink was no input (only regular files were listed): pointed at another file of the folder,
  // the spec changed and generate said "up to date", by stats and by content hash alike.
  it.each([
    ["trusting stats", quick],
    ["hashing (stats not yet trusted)", run],
  ])("a symlink in the spec's folder pointed elsewhere runs again (%s)", (_name, generate) => {
    const schemas = path.join(work, "openapi/components/schemas");
    const original = fs.readFileSync(path.join(schemas, "UnreadCount.yaml"), "utf8");
    fs.writeFileSync(path.join(schemas, "UnreadCount.one.yml"), original);
    fs.writeFileSync(path.join(schemas, "UnreadCount.two.yml"), original.replace("maximum: 9007199254740991", "maximum: 9007199254740990"));
    try {
      fs.rmSync(path.join(schemas, "UnreadCount.yaml"));
      fs.symlinkSync("UnreadCount.one.yml", path.join(schemas, "UnreadCount.yaml"));
      expect(generate().code).toBe(0);
      expect(generate().stdout).toMatch(SKIPPED);
      fs.rmSync(path.join(schemas, "UnreadCount.yaml"));
      fs.symlinkSync("UnreadCount.two.yml", path.join(schemas, "UnreadCount.yaml"));
      const r = generate();
      expect(r.stdout).toMatch(WROTE);
      expect(fs.readFileSync(path.join(out, "openapi.json"), "utf8")).toContain("9007199254740990");
    } finally {
      fs.rmSync(path.join(schemas, "UnreadCount.yaml"), { force: true });
      fs.writeFileSync(path.join(schemas, "UnreadCount.yaml"), original);
      for (const name of ["UnreadCount.one.yml", "UnreadCount.two.yml"]) fs.rmSync(path.join(schemas, name));
    }
  });

  // An input given as a symlink (the root file pointing out of the spec's folder, the Redocly config,
  // npm's record) is read through it: an edit of the file it points to changes what the pipeline
  // reads. Hashed and stat'd as the link alone, such an edit was "up to date".
  const linked: [string, string, (target: string) => { env: Record<string, string>; link: string; original: string }][] = [
    [
      "the root file, a symlink to a file outside the spec's folder",
      "version: 9.9.9",
      (target) => {
        const link = path.join(work, "openapi/openapi.yaml");
        const original = fs.readFileSync(link, "utf8");
        fs.writeFileSync(target, original);
        fs.rmSync(link);
        fs.symlinkSync(target, link);
        return { env: {}, link, original };
      },
    ],
    [
      "npm's record of installed packages (PUFFLE_GENERATE_INSTALLED), a symlink",
      '"version": "0.0.0-edited"',
      (target) => {
        fs.copyFileSync(path.join(root, "node_modules/.package-lock.json"), target);
        const link = path.join(work, "installed-link.json");
        fs.symlinkSync(target, link);
        return { env: { PUFFLE_GENERATE_INSTALLED: link }, link, original: "" };
      },
    ],
  ];
  it.each(linked.flatMap(([name, edit, setUp]) => [[name, "trusting stats", "0", edit, setUp] as const, [name, "hashing (stats not yet trusted)", "2000", edit, setUp] as const]))(
    "%s: an edit of the file it points to runs again (%s)",
    (_name, _how, margin, edit, setUp) => {
      const target = path.join(work, "linked-target");
      const { env, link, original } = setUp(target);
      const generate = () => runWith({ ...env, PUFFLE_GENERATE_STAT_MARGIN_MS: margin });
      try {
        expect(generate().code).toBe(0);
        expect(generate().stdout).toMatch(SKIPPED);
        const text = fs.readFileSync(target, "utf8");
        fs.writeFileSync(target, edit.startsWith("version") ? text.replace(/^ {2}version: .*$/m, `  ${edit}`) : text.replace(/"version": "[^"]*"/, edit));
        const r = generate();
        expect(r.stdout, r.stderr).toMatch(WROTE);
        if (edit.startsWith("version")) expect(fs.readFileSync(path.join(out, "openapi.json"), "utf8")).toContain("9.9.9");
      } finally {
        fs.rmSync(link);
        if (original !== "") fs.writeFileSync(link, original);
        fs.rmSync(target);
      }
    },
  );

  it("another root file of the same folder is not skipped by stats", () => {
    const alt = path.join(work, "openapi/alt.yaml");
    fs.copyFileSync(path.join(work, "openapi/openapi.yaml"), alt);
    quick();
    expect(quick().stdout).toMatch(BY_STATS);
    const r = quick("--spec", alt);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(WROTE);
    expect(quick("--spec", alt).stdout).toMatch(SKIPPED);
    fs.rmSync(alt);
  });

  // The stats were taken when the run ended, the hash when it began: a spec file changed in between
  // (`git checkout` of another version, an editor's save, while generate ran) was recorded as
  // trusted with the old hash, and every later run said "up to date (checked by file stats)" over
  // output of the old spec; generate:check (CI) said stale. A Redocly plugin of the test's config
  // makes the change once lint has read the spec.
  it("an input changed while the pipeline runs is not recorded as unchanged: the next run runs again", () => {
    const schema = path.join(work, "openapi/components/schemas/UnreadCount.yaml");
    const original = fs.readFileSync(schema, "utf8");
    expect(original).toContain("maximum: 9007199254740991");
    const plugin = path.join(work, "edit-during-lint.mjs");
    fs.writeFileSync(
      plugin,
      `import fs from "node:fs";
const file = ${JSON.stringify(schema)};
const edit = () => ({ Root: { leave() { const t = fs.readFileSync(file, "utf8"); if (t.includes("9007199254740991")) fs.writeFileSync(file, t.replace("maximum: 9007199254740991", "maximum: 9007199254740990")); } } });
export default () => ({ id: "test-edit", rules: { oas3: { "during-lint": edit } } });
`,
    );
    const config = path.join(work, "redocly-edit.yaml");
    const base = fs.readFileSync(path.join(root, "redocly.yaml"), "utf8");
    fs.writeFileSync(
      config,
      base
        .replace("  - scripts/lib/redocly-plugin.mjs\n", `  - ${path.join(root, "scripts/lib/redocly-plugin.mjs")}\n  - ./edit-during-lint.mjs\n`)
        .replace("rules:\n", "rules:\n  test-edit/during-lint: error\n"),
    );
    const generate = (...args: string[]) => runWith({ PUFFLE_GENERATE_STAT_MARGIN_MS: "0" }, "--config", config, ...args);
    try {
      const first = generate("--force");
      expect(first.code, first.stderr).toBe(0);
      // The run wrote the spec it read, and the file changed under it.
      expect(fs.readFileSync(path.join(out, "openapi.json"), "utf8")).toContain("9007199254740991");
      expect(fs.readFileSync(schema, "utf8")).toContain("maximum: 9007199254740990");
      const second = generate();
      expect(second.stdout, "the changed spec is generated, not skipped").toMatch(WROTE);
      expect(fs.readFileSync(path.join(out, "openapi.json"), "utf8")).toContain("9007199254740990");
      expect(generate().stdout).toMatch(SKIPPED);
    } finally {
      fs.writeFileSync(schema, original);
      fs.rmSync(plugin);
      fs.rmSync(config);
    }
  });
});
