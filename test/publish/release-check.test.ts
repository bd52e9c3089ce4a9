// scripts/publish/release-check.mjs: the release's version bookkeeping (package.json, package-lock.json,
// info.version in the source and in generated/, a CHANGELOG section) agrees, and with --publish (npm's
// prepublishOnly) what is published is committed and a tag vX.Y.Z, if any, is on it.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../scratch.js";

const root = path.resolve(import.meta.dirname, "../..");
const script = path.join(root, "scripts/publish/release-check.mjs");
const tmp = scratchDir("puffle-release-check-");

interface Release {
  pkg: string;
  lock: string;
  lockRoot: string;
  yaml: string;
  json: string;
  changelog: string;
}
const released = (v: string): Release => ({
  pkg: v,
  lock: v,
  lockRoot: v,
  yaml: v,
  json: v,
  changelog: `# Changelog\n\n## Unreleased\n\n## ${v} — 2026-12-06\n\n- things\n\n## 1.0.0 — 2026-11-27\n`,
});

let n = 0;
function project(r: Release): string {
  const dir = path.join(tmp, `p${n++}`);
  mkdirSync(path.join(dir, "openapi"), { recursive: true });
  mkdirSync(path.join(dir, "generated"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "puffle-api", version: r.pkg }, null, 2) + "\n");
  writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify({ name: "puffle-api", version: r.lock, lockfileVersion: 3, packages: { "": { name: "puffle-api", version: r.lockRoot } } }, null, 2) + "\n");
  writeFileSync(path.join(dir, "openapi/openapi.yaml"), `openapi: 3.1.0\ninfo:\n  title: t\n  description: |\n    x\n\n    version: 9.9.9\n  version: ${r.yaml}\npaths: {}\n`);
  writeFileSync(path.join(dir, "generated/openapi.json"), JSON.stringify({ openapi: "3.1.0", info: { title: "t", version: r.json }, paths: {} }));
  writeFileSync(path.join(dir, "CHANGELOG.md"), r.changelog);
  return dir;
}

function check(dir: string, publish = false) {
  const r = spawnSync(process.execPath, [script, "--root", dir, ...(publish ? ["--publish"] : [])], { encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe("release-check", () => {
  it("passes when everything says the version and the CHANGELOG has its section", () => {
    const r = check(project(released("2.0.0")));
    expect(r.out).toBe("release-check: 2.0.0 — package.json, package-lock.json, info.version (source and generated) and CHANGELOG.md agree\n");
    expect(r.status).toBe(0);
  });

  const bumpedPkgOnly = { ...released("2.0.0"), lock: "1.0.0", lockRoot: "1.0.0", yaml: "1.0.0", json: "1.0.0" };
  it.each<[string, Release, string[]]>([
    ["package.json bumped alone (the lock, info.version and generated/ not)", bumpedPkgOnly, [
      "package-lock.json version is 1.0.0, package.json version is 2.0.0",
      'package-lock.json packages[""].version is 1.0.0, package.json version is 2.0.0',
      "openapi/openapi.yaml info.version is 1.0.0, package.json version is 2.0.0",
      "generated/openapi.json info.version is 1.0.0, package.json version is 2.0.0",
    ]],
    ["info.version bumped, package.json not", { ...released("1.0.0"), yaml: "2.0.0", json: "2.0.0" }, [
      "openapi/openapi.yaml info.version is 2.0.0, package.json version is 1.0.0",
      "generated/openapi.json info.version is 2.0.0, package.json version is 1.0.0",
    ]],
    ["generated/ not regenerated after the bump", { ...released("2.0.0"), json: "1.0.0" }, ["generated/openapi.json info.version is 1.0.0, package.json version is 2.0.0"]],
    ["package.json bumped by hand, the lock left behind", { ...released("2.0.0"), lock: "1.0.0", lockRoot: "1.0.0" }, [
      "package-lock.json version is 1.0.0",
      'package-lock.json packages[""].version is 1.0.0',
    ]],
    ["no CHANGELOG section for the version", { ...released("2.0.0"), changelog: "# Changelog\n\n## Unreleased\n\n## 1.0.0 — 2026-11-27\n" }, ['CHANGELOG.md has no section "## 2.0.0 — <date>"']],
    ["a section for 2.0.0.1-like text is not 2.0.0's", { ...released("2.0.0"), changelog: "# Changelog\n\n## 2.0.01 — 2026-12-06\n\n## 1.0.0 — 2026-11-27\n" }, ['CHANGELOG.md has no section "## 2.0.0 — <date>"']],
    // docs/publishing.md's step 3 writes the heading `## X.Y.Z — YYYY-MM-DD`: copied as printed, or
    // with no date or a date no calendar has, every check passed and it was published so.
    ...(["## 2.0.0 — YYYY-MM-DD", "## 2.0.0", "## 2.0.0 — date", "## 2.0.0 — 2026-13-07", "## 2.0.0 — 2026-02-30", "## 2.0.0 (a major)"].map((heading) => [
      `the version's heading "${heading}"`,
      { ...released("2.0.0"), changelog: `# Changelog\n\n${heading}\n\n- things\n\n## 1.0.0 — 2026-11-27\n` },
      [`CHANGELOG.md's "${heading}" gives no release date: write it "## 2.0.0 — YYYY-MM-DD" with the day it is released`],
    ]) as [string, Release, string[]][]),
    ["the Unreleased section still called next", { ...released("2.0.0"), changelog: "# Changelog\n\n## Unreleased — next: 2.0.0 (a major)\n\n- x\n\n## 1.0.0 — 2026-11-27\n" }, [
      'CHANGELOG.md has no section "## 2.0.0 — <date>"',
      'CHANGELOG.md still has "## Unreleased — next: 2.0.0 (a major)"',
    ]],
  ])("%s: exit 1 naming each", (_name, r, wants) => {
    const res = check(project(r));
    expect(res.status).toBe(1);
    const lines = res.out.trimEnd().split("\n");
    expect(lines).toHaveLength(wants.length);
    wants.forEach((w, i) => expect(lines[i]).toContain(`release-check: ${w}`));
  });

  it("a heading with the date after the version passes, text after the date too", () => {
    for (const heading of ["## 2.0.0 — 2026-12-07", "## 2.0.0 — 2024-02-29 (a major)", "## 2.0.0 - 2026-12-07"]) {
      expect(check(project({ ...released("2.0.0"), changelog: `# Changelog\n\n${heading}\n\n- things\n` })), heading).toMatchObject({ status: 0 });
    }
  });

  it("a version that is not semver, or a file missing, is one line and exit 2", () => {
    const dir = project({ ...released("2.0.0"), pkg: "two" });
    expect(check(dir)).toEqual({ status: 2, out: 'release-check: package.json version "two" is not a semver version X.Y.Z\n' });
    rmSync(path.join(dir, "package-lock.json"));
    writeFileSync(path.join(dir, "package.json"), '{"version":"2.0.0"}');
    const r = check(dir);
    expect(r.status).toBe(2);
    expect(r.out).toMatch(/^release-check: cannot read package-lock\.json: ENOENT[^\n]*\n$/);
  });

  // JSON that parses but is no object: reading its version was a TypeError with a stack trace, exit 1.
  it.each([
    ["package.json", "null", "null"],
    ["package-lock.json", "null", "null"],
    ["generated/openapi.json", "[]", "an array"],
    ["generated/openapi.json", '"1.0.0"', "string"],
  ])("%s holding %s: one line naming it, exit 2", (file, text, got) => {
    const dir = project(released("2.0.0"));
    writeFileSync(path.join(dir, file), `${text}\n`);
    expect(check(dir)).toEqual({ status: 2, out: `release-check: cannot use ${file}: not a JSON object (got ${got})\n` });
  });

  describe("--publish", () => {
    const git = (dir: string, ...a: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", ...a], { cwd: dir, stdio: "pipe", encoding: "utf8" }).trim();
    function repo(r: Release) {
      const dir = project(r);
      git(dir, "init", "-q");
      git(dir, "add", "-A");
      git(dir, "commit", "-q", "-m", "release");
      return dir;
    }

    it("passes on a committed release, tagged on HEAD or not yet tagged", () => {
      const dir = repo(released("2.0.0"));
      expect(check(dir, true)).toMatchObject({ status: 0 });
      git(dir, "tag", "v2.0.0");
      expect(check(dir, true)).toMatchObject({ status: 0 });
    });

    it("refuses a bump left uncommitted (a tag would name the old commit)", () => {
      const dir = repo(released("2.0.0"));
      writeFileSync(path.join(dir, "generated/openapi.json"), JSON.stringify({ info: { version: "2.0.0" }, paths: { "/x": {} } }));
      const r = check(dir, true);
      expect(r.out).toBe("release-check: uncommitted changes to 1 tracked file(s) (generated/openapi.json): commit the release before publishing, so the tag is what is published\n");
      expect(r.status).toBe(1);
    });

    // `npm publish` with no bump: this repository at 1.0.0 with its "Unreleased — next: 2.0.0" entries
    // passed, and would have shipped them as 1.0.0.
    it("refuses entries under Unreleased (changes since the version, not bumped); an empty Unreleased passes", () => {
      const dir = repo({ ...released("2.0.0"), changelog: `# Changelog\n\n## Unreleased — next: 3.0.0 (a major)\n\n- a change\n\n## 2.0.0 — 2026-12-06\n\n- things\n` });
      const r = check(dir, true);
      expect(r.out).toBe('release-check: CHANGELOG.md\'s "## Unreleased — next: 3.0.0 (a major)" section lists changes that 2.0.0 does not have: release them as a new version first (docs/publishing.md, "Release checklist": bump, rename that section "## X.Y.Z — <date>")\n');
      expect(r.status).toBe(1);
      expect(check(dir)).toMatchObject({ status: 0 }); // between releases (npm test): fine
    });

    // A placeholder left under a new empty Unreleased (a comment, the parts' headings, CRLF) was
    // refused as "lists changes"; a Keep a Changelog "## [Unreleased]" with entries was not seen.
    it("an Unreleased with only a comment, part headings or blank lines (CRLF too) passes; \"## [Unreleased]\" with entries is refused", () => {
      const placeholder = "# Changelog\n\n## Unreleased\n\n<!-- entries go here,\n  one per change -->\n\n### CLI\n\n\n## 2.0.0 — 2026-12-06\n\n- things\n";
      for (const changelog of [placeholder, placeholder.replace(/\n/g, "\r\n")]) {
        const dir = repo({ ...released("2.0.0"), changelog });
        expect(check(dir, true), JSON.stringify(changelog)).toMatchObject({ status: 0 });
      }
      const bracketed = repo({ ...released("2.0.0"), changelog: "# Changelog\n\n## [Unreleased]\n\n<!-- x -->\n- a change\n\n## 2.0.0 — 2026-12-06\n\n- things\n" });
      const r = check(bracketed, true);
      expect(r.out).toContain('release-check: CHANGELOG.md\'s "## [Unreleased]" section lists changes that 2.0.0 does not have');
      expect(r.status).toBe(1);
    });

    it("refuses when vX.Y.Z is on another commit (tagged before the release commit)", () => {
      const dir = repo(released("2.0.0"));
      git(dir, "tag", "v2.0.0");
      writeFileSync(path.join(dir, "CHANGELOG.md"), released("2.0.0").changelog + "- more\n");
      git(dir, "commit", "-q", "-am", "later");
      const r = check(dir, true);
      expect(r.out).toMatch(/^release-check: tag v2\.0\.0 is on [0-9a-f]{7}, not on HEAD \([0-9a-f]{7}\): the tag must name the commit that is published\n$/);
      expect(r.status).toBe(1);
    });
  });

  it("the repository's own version bookkeeping agrees (as it must between releases too)", () => {
    expect(check(root)).toMatchObject({ status: 0 });
  });

  it("npm publish runs it: prepublishOnly checks generated/ and then this with --publish", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
    expect(pkg.scripts.prepublishOnly).toBe("npm run -s generate:check && node scripts/publish/release-check.mjs --publish");
  });
});
