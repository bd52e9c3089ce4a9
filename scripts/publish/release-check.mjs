#!/usr/bin/env node
// `node scripts/publish/release-check.mjs [--publish] [--root DIR]`: the release's bookkeeping agrees.
//
// Always (also in `npm test`, through test/publish/release-check.test.ts):
//   - `version` of package.json, of package-lock.json (top level and packages[""]), `info.version`
//     of openapi/openapi.yaml and of generated/openapi.json are one number (the package and the API
//     description carry one version; see CHANGELOG.md, "The rule");
//   - CHANGELOG.md has a section `## X.Y.Z — YYYY-MM-DD` for it (a real date), and no heading still calls X.Y.Z "next"
//     (the "Unreleased — next: X.Y.Z" section renamed when it is released).
// With --publish (package.json's `prepublishOnly`, so `npm publish` runs it):
//   - no tracked file differs from HEAD (what is published is what is committed, and tagged);
//   - CHANGELOG.md's "## Unreleased" section, if any, is empty (its entries are not in this version);
//   - a tag vX.Y.Z, if there is one, is on HEAD.
// Whether generated/ is what openapi/ generates is `npm run generate:check` (prepublishOnly runs it
// first). Exit 0: all agree; 1: each disagreement on a line of its own; 2: a file cannot be read.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

function fatal(message) {
  console.error(`release-check: ${message.replace(/\s*\n\s*/g, " ")}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: { publish: { type: "boolean", default: false }, root: { type: "string" } },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (e) {
  fatal(`${e.message}; usage: node scripts/publish/release-check.mjs [--publish] [--root DIR]`);
}
const root = path.resolve(args.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), "../.."));

function read(rel) {
  try {
    return readFileSync(path.join(root, rel), "utf8").replace(/\r\n/g, "\n");
  } catch (e) {
    fatal(`cannot read ${rel}: ${e.message}`);
  }
}
function json(rel) {
  let value;
  try {
    value = JSON.parse(read(rel));
  } catch (e) {
    fatal(`cannot parse ${rel}: ${e.message}`);
  }
  // `null` (or a list) parsed, and reading its version ended in a TypeError's stack trace, exit 1.
  if (value === null || typeof value !== "object" || Array.isArray(value)) fatal(`cannot use ${rel}: not a JSON object (got ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value})`);
  return value;
}

/** `info.version` of the YAML source, read as the line under `info:` (no YAML parser needed at publish). */
function yamlInfoVersion(text) {
  const info = /^info:[ \t]*\n((?:[ \t]+.*\n|[ \t]*\n)*)/m.exec(text);
  const indent = info && /^([ \t]+)\S/m.exec(info[1]);
  if (!indent) return undefined;
  // A key of info itself, at its members' indentation (not a `version:` line inside its description).
  const m = new RegExp(`^${indent[1]}version:[ \\t]*(["']?)([^"'\\s#]+)\\1[ \\t]*(?:#.*)?$`, "m").exec(info[1]);
  return m ? m[2] : undefined;
}

/** Whether the rest of a version's heading starts with ` — YYYY-MM-DD` (or `-`, `–`), a real day. */
function releaseDate(rest) {
  const m = /^[ \t]+[—–-][ \t]+(\d{4})-(\d{2})-(\d{2})(?![\d-])/.exec(rest);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

const problems = [];
const pkg = json("package.json");
const version = pkg.version;
if (typeof version !== "string" || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
  fatal(`package.json version ${JSON.stringify(version)} is not a semver version X.Y.Z`);
}
const lock = json("package-lock.json");
const others = [
  ["package-lock.json version", lock.version],
  ['package-lock.json packages[""].version', lock.packages?.[""]?.version],
  ["openapi/openapi.yaml info.version", yamlInfoVersion(read("openapi/openapi.yaml"))],
  ["generated/openapi.json info.version", json("generated/openapi.json").info?.version],
];
for (const [what, v] of others) {
  if (v !== version) problems.push(`${what} is ${v === undefined ? "missing" : v}, package.json version is ${version}: they must be one number (bump both, then \`npm run generate\`)`);
}

const escaped = version.replace(/\./g, "\\.");
const changelog = read("CHANGELOG.md");
const section = new RegExp(`^## ${escaped}(?:[ \\t].*)?$`, "m").exec(changelog);
if (!section) {
  problems.push(`CHANGELOG.md has no section "## ${version} — <date>" for package.json version ${version}`);
} else if (!releaseDate(section[0].slice(3 + version.length))) {
  // The checklist's `## X.Y.Z — YYYY-MM-DD` copied as printed, no date, or a date no calendar has.
  problems.push(`CHANGELOG.md's "${section[0]}" gives no release date: write it "## ${version} — YYYY-MM-DD" with the day it is released`);
}
const next = new RegExp(`^## .*\\bnext:?\\s+v?${escaped}\\b.*$`, "m").exec(changelog);
if (next) problems.push(`CHANGELOG.md still has "${next[0]}": name that section "## ${version} — <date>" when releasing ${version}`);

if (args.publish) {
  // An "## Unreleased" section with entries above the version's: changes committed since that
  // version, which publishing it again (no bump) would ship under notes that do not list them.
  // Also "## [Unreleased]" (Keep a Changelog's form), any case. What is left of it without HTML
  // comments and sub-headings (a placeholder for the next entries) is an entry.
  const unreleased = /^## \[?Unreleased\b.*$/im.exec(changelog);
  if (unreleased) {
    const rest = changelog.slice(unreleased.index + unreleased[0].length);
    const end = rest.search(/^## /m);
    const entries = (end === -1 ? rest : rest.slice(0, end)).replace(/<!--[\s\S]*?-->/g, "").replace(/^#{3,6}(?:[ \t].*)?$/gm, "");
    if (entries.trim()) {
      problems.push(`CHANGELOG.md's "${unreleased[0]}" section lists changes that ${version} does not have: release them as a new version first (docs/publishing.md, "Release checklist": bump, rename that section "## X.Y.Z — <date>")`);
    }
  }
  const raw = (...a) => execFileSync("git", a, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const git = (...a) => raw(...a).trim();
  let head;
  try {
    head = git("rev-parse", "HEAD");
  } catch (e) {
    fatal(`cannot read the git HEAD in ${root}: ${String(e.stderr ?? e.message).trim()}`);
  }
  // Not trimmed: each porcelain line starts with its two status columns, " M file" among them.
  const files = raw("status", "--porcelain", "--untracked-files=no").split("\n").filter(Boolean).map((l) => l.slice(3));
  if (files.length) {
    problems.push(`uncommitted changes to ${files.length} tracked file(s) (${files.slice(0, 5).join(", ")}${files.length > 5 ? ", …" : ""}): commit the release before publishing, so the tag is what is published`);
  }
  let tagged;
  try {
    tagged = git("rev-parse", "--verify", "--quiet", `refs/tags/v${version}^{commit}`);
  } catch {
    tagged = undefined; // no such tag yet: tag HEAD once published
  }
  if (tagged && tagged !== head) problems.push(`tag v${version} is on ${tagged.slice(0, 7)}, not on HEAD (${head.slice(0, 7)}): the tag must name the commit that is published`);
}

for (const p of problems) console.error(`release-check: ${p}`);
if (problems.length) process.exit(1);
console.log(`release-check: ${version} — package.json, package-lock.json, info.version (source and generated) and CHANGELOG.md agree${args.publish ? "; work tree committed" : ""}`);
