// The user-facing docs' mechanical claims, held to the repository as it is: every `npm run X` they
// give is a script of package.json, every repository path they name exists, every link (and its
// #anchor) leads somewhere, every PUFFLE_* variable they name is read by the code, every option they
// give the `puffle` CLI or the mock launcher is one its parser accepts, and every complete
// `puffle error: …` line they quote is what the built CLI prints. The docs are README.md, every
// other tracked README.md and docs/*.md but docs/benchmarks.md (its figures are measured
// elsewhere); CHANGELOG.md is history, which names what was (but for its Unreleased section's
// scripts, paths and breaking list, checked at the end).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { newScratchDir } from "../scratch.js";
import { operations } from "../../generated/meta.js";
import { kebabCase } from "../../src/cli/options.js";
import { breakingChanges, type Finding } from "../../scripts/publish/breaking-rules.mjs";

/**
 * The docs, the tracked ones (`git ls-files`), or why they cannot be listed: without git, or outside
 * a git checkout (a source archive), `unlisted` says which in one line, and the tests that read the
 * docs are skipped under that name, as docs-sentences.test.ts skips without ../shared/reference.
 */
function trackedDocs(): { docs: string[]; unlisted?: string } {
  const tracked = spawnSync("git", ["ls-files", "-z", "--", "*README.md", "docs/*.md"], { cwd: root, encoding: "utf8" });
  const why = tracked.error
    ? `git cannot be run (${(tracked.error as NodeJS.ErrnoException).code ?? tracked.error.message})`
    : tracked.status !== 0
      ? `git ls-files failed: ${tracked.stderr.trim().split("\n")[0] || `exit ${tracked.status ?? tracked.signal}`}`
      : undefined;
  if (why !== undefined) return { docs: [], unlisted: `the docs' claims are not checked: their list is the tracked README.md and docs/*.md files, from git ls-files, and ${why}` };
  const docs = tracked.stdout
    .split("\0")
    .filter((file) => file !== "" && file !== "docs/benchmarks.md" && !file.split("/").includes("node_modules"))
    .sort();
  return { docs };
}
const { docs: DOCS, unlisted } = trackedDocs();
if (unlisted !== undefined) {
  console.warn(`docs-claims: ${unlisted}`);
  it.skip(unlisted, () => {});
}
const text = (doc: string) => fs.readFileSync(path.join(root, doc), "utf8");

/** The doc's text without its fenced code blocks (their commands are read separately). */
function prose(markdown: string): string {
  return markdown.replace(/^ *```[^\n]*\n[\s\S]*?^ *```$/gm, "");
}

/** The inline code spans of a doc's prose, a line break inside one read as a space. */
function codeSpans(markdown: string): string[] {
  return [...prose(markdown).matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\s*\n\s*/g, " "));
}

/** The script names `npm run [-s] NAME` gives, code blocks included (`npm test` is the `test` script). */
function npmScripts(markdown: string): string[] {
  const named = [...markdown.matchAll(/\bnpm run(?:\s+(?:-s|--silent))?\s+([a-z][\w:-]*)/g)].map((m) => m[1]!);
  return /\bnpm test\b/.test(markdown) ? [...named, "test"] : named;
}

/**
 * The repository paths a doc names in its prose's code spans: a span that is one path with a `/`,
 * whose first segment is a folder of the repository root, of the doc's own folder or of `test/`
 * (openapi/README.md names tests as `unit/…`). Not `dist/` (built), `node_modules/`, a path
 * starting with `./`, `../` or `/` (an exports key, a sibling of the checkout), nor a pattern
 * (`<name>`, `*`, `…`, `{a,b}`).
 */
function namedPaths(doc: string, markdown: string): { path: string; found: boolean }[] {
  const exists = (p: string) => fs.existsSync(path.join(root, p));
  const bases = ["", path.posix.dirname(doc) === "." ? "" : `${path.posix.dirname(doc)}/`, "test/"];
  const isDir = (p: string) => exists(p) && fs.statSync(path.join(root, p)).isDirectory();
  const out: { path: string; found: boolean }[] = [];
  for (const span of codeSpans(markdown)) {
    const candidate = span.replace(/[.,:;]$/, "");
    if (!/^[\w.@-][\w.@{}-]*(\/[\w.@{}-]*)+$/.test(candidate)) continue;
    if (/^(\.{1,2}\/|\/)/.test(candidate) || /[<>*…]|\{[^}]*,/.test(candidate)) continue;
    const first = candidate.split("/")[0]!;
    if (first === "dist" || first === "node_modules") continue;
    const homes = bases.filter((base) => isDir(base + first));
    if (homes.length === 0) continue;
    out.push({ path: candidate, found: homes.some((base) => exists(base + candidate)) });
  }
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens; repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of markdown.replace(/^ *```[^\n]*\n[\s\S]*?^ *```$/gm, "").matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = m[1]!.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "").replace(/ /g, "-");
    const n = seen.get(base);
    seen.set(base, (n ?? -1) + 1);
    out.add(n === undefined ? base : `${base}-${n + 1}`);
  }
  return out;
}

/** `--option` words of a text (not `--` alone, not the middle of a word). */
function optionWords(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]))];
}

/** The complete `puffle error: …` lines a doc quotes: in fenced blocks and in code spans, without a `…` placeholder. */
function quotedErrors(markdown: string): string[] {
  const fenced = [...markdown.matchAll(/^ *```[^\n]*\n([\s\S]*?)^ *```$/gm)].flatMap((m) => m[1]!.split("\n"));
  const lines = [...fenced.map((l) => l.trim()), ...codeSpans(markdown)].filter((l) => l.startsWith("puffle error: "));
  return [...new Set(lines.filter((l) => !l.includes("…")))];
}

const cli = path.join(root, "dist/cli/main.js");
const launcher = path.join(root, "dist/server/main.js");
const env = (): NodeJS.ProcessEnv => {
  const copy: NodeJS.ProcessEnv = { ...process.env, PUFFLE_API_KEY: "puffle_test_alice", NO_COLOR: "1" };
  delete copy.PUFFLE_BASE_URL;
  return copy;
};
function helpOptions(file: string, args: string[]): string[] {
  const r = spawnSync(process.execPath, [file, ...args, "--help"], { encoding: "utf8", env: env(), timeout: 15_000 });
  expect(r.status, `${path.basename(file)} ${args.join(" ")} --help: ${r.stderr}`).toBe(0);
  return [...r.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z0-9-]*)/gm)].map((m) => m[1]!);
}

it.skipIf(unlisted !== undefined)("finds the docs (README.md, the other READMEs, docs/*.md but benchmarks.md) and what they name", () => {
  expect(DOCS).toEqual(expect.arrayContaining(["README.md", "docs/cli.md", "docs/client.md", "docs/migrating.md", "docs/publishing.md", "docs/server.md", "openapi/README.md", "scripts/README.md"]));
  expect(DOCS).not.toContain("docs/benchmarks.md");
  // The readers see what they are meant to: a path relative to the doc's folder and to test/, a
  // script named across a line break, a heading's anchor with punctuation in it.
  expect(namedPaths("scripts/README.md", text("scripts/README.md")).map((p) => p.path)).toEqual(expect.arrayContaining(["lib/locate.mjs", "test/unit/generate-skip.test.ts"]));
  expect(namedPaths("openapi/README.md", text("openapi/README.md")).map((p) => p.path)).toEqual(expect.arrayContaining(["conformance/examples.test.ts", "paths/api_threads_{id}.yaml"]));
  expect(namedPaths("README.md", "`dist/docs/` `application/json` `./schema` `node_modules/.cache/x` `test-results/docs-<id>.png` `src/nope.ts`")).toEqual([{ path: "src/nope.ts", found: false }]);
  expect(npmScripts("run `npm run\n  generate` first; `npm run -s mock -- --print-seed`; `npm test`")).toEqual(["generate", "mock", "test"]);
  expect(anchors(text("docs/publishing.md"))).toContain("other-javascript-runtimes--npm-run-testruntimes-not-part-of-npm-test");
});

describe.each(DOCS)("%s", (doc) => {
  const markdown = text(doc);

  it("every `npm run X` (and `npm test`) is a script of package.json", () => {
    const scripts = Object.keys(JSON.parse(text("package.json")).scripts as Record<string, string>);
    expect([...new Set(npmScripts(markdown))].filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it("every repository path it names exists", () => {
    expect(namedPaths(doc, markdown).filter((p) => !p.found).map((p) => p.path)).toEqual([]);
  });

  it("every relative link leads to a file, and its #anchor to a heading there", () => {
    const broken: string[] = [];
    for (const m of prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)) {
      const href = m[1]!;
      if (/^[a-z][a-z+.-]*:/i.test(href)) continue;
      const [file, fragment] = href.split("#") as [string, string | undefined];
      const target = file === "" ? doc : path.posix.normalize(path.posix.join(path.posix.dirname(doc), file));
      if (!fs.existsSync(path.join(root, target))) broken.push(`${href}: no file ${target}`);
      else if (fragment !== undefined && target.endsWith(".md") && !anchors(text(target)).has(fragment)) broken.push(`${href}: no heading #${fragment} in ${target}`);
    }
    expect(broken).toEqual([]);
  });

  it("every PUFFLE_* environment variable it names is read by the code (src/, scripts/ or test/)", () => {
    const named = [...new Set([...markdown.matchAll(/\bPUFFLE_[A-Z0-9_]*[A-Z0-9]\b/g)].map((m) => m[0]))];
    const sources = ["src", "scripts", "test"].flatMap((dir) =>
      (fs.readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }) as string[])
        .filter((f) => /\.(ts|mts|mjs|js)$/.test(f) && !f.split(path.sep).includes("node_modules") && !f.split(path.sep).includes("scratch"))
        .map((f) => path.join(root, dir, f))
        .filter((f) => f !== import.meta.filename),
    );
    const code = sources.map((f) => fs.readFileSync(f, "utf8")).join("\n");
    expect(named.filter((name) => !new RegExp(`\\b${name}\\b`).test(code))).toEqual([]);
  });
});

it("docs/publishing.md's opening names what `npm test` does not run (test:runtimes, the registry steps), and `npm test` indeed runs no test:runtimes", () => {
  const scripts = JSON.parse(text("package.json")).scripts as Record<string, string>;
  expect(scripts.test).not.toMatch(/test:runtimes/);
  const opening = text("docs/publishing.md").split("\n## ")[0]!.replace(/\s+/g, " ");
  expect(opening).toContain("is tested by `npm test`, but for `npm run test:runtimes` (not part of `npm test`");
});

describe("options the docs give the CLI and the mock launcher", () => {
  // Words of the docs that look like options but are not the CLI's, each with why.
  const NOT_OURS: Record<string, string> = {
    "--input-type": "node's (`node --input-type=module`)",
    "--disallow-code-generation-from-strings": "node's",
    "--api-key": "docs/cli.md's example of an option that is refused (the token is read from PUFFLE_API_KEY)",
    "--token": "as --api-key",
    "--field-name": "docs/cli.md's placeholder for a field option",
    "--clear-field-name": "docs/cli.md's placeholder for a field's clearing option",
    "--clear-": "docs/cli.md's `--clear-…`, each field's clearing option",
  };
  const commands = [[], ["conversation", "update"], ["thread", "update"], ["mock"]];
  const puffle = () => new Set(commands.flatMap((args) => helpOptions(cli, args)));

  it("docs/cli.md: every option is one a `puffle` command accepts", () => {
    const accepted = puffle();
    expect(accepted).toContain("--draft-attachments");
    expect(optionWords(text("docs/cli.md")).filter((o) => !accepted.has(o) && !(o in NOT_OURS))).toEqual([]);
  });

  it("docs/server.md and README's `npm run mock` row: every option is one both launchers accept (`puffle mock`, `npm run mock`)", () => {
    const mock = new Set(helpOptions(cli, ["mock"]));
    const main = new Set(helpOptions(launcher, []));
    const row = text("README.md").split("\n").find((line) => line.startsWith("| `npm run mock` |"));
    expect(row).toBeDefined();
    const given = optionWords(`${text("docs/server.md")}\n${row}`).filter((o) => !(o in NOT_OURS));
    expect(given).toContain("--allow-reset");
    expect(given.filter((o) => !mock.has(o)), "not accepted by puffle mock").toEqual([]);
    expect(given.filter((o) => !main.has(o)), "not accepted by npm run mock (dist/server/main.js)").toEqual([]);
  });
});

/** docs/cli.md's "Today that gives:" list: each command's item (`conversation update` → its text, lines joined). */
function optionList(markdown: string): Map<string, string> {
  const block = (markdown.split("Today that gives:")[1] ?? "").replace(/^\s*\n/, "").split(/\n[ \t]*\n/)[0]!;
  const items = new Map<string, string>();
  for (const item of block.split(/\n(?=- )/)) {
    const m = /^- `([a-z ]+)`:([\s\S]*)$/.exec(item);
    if (m) items.set(m[1]!, m[2]!.replace(/\s*\n\s*/g, " "));
  }
  return items;
}

/**
 * The field options docs/cli.md's list leaves out: every request field of an operation is an
 * option of its command (`--kebab-name`), derived from the spec, so a field added to the spec has
 * one in `--help` at once; the list is written by hand and went on listing the old ones.
 */
function unlistedFieldOptions(markdown: string, ops: Record<string, { requestFields: Record<string, unknown> }>): string[] {
  const list = optionList(markdown);
  const problems: string[] = [];
  for (const [command, op] of [["conversation update", "updateConversation"], ["thread update", "updateThread"]] as const) {
    const item = list.get(command);
    if (item === undefined) {
      problems.push(`docs/cli.md, "Today that gives:": no \`${command}\` item`);
      continue;
    }
    for (const field of Object.keys(ops[op]!.requestFields)) {
      const option = `--${kebabCase(field)}`;
      if (!item.includes(`\`${option} `) && !item.includes(`\`${option}\``)) {
        problems.push(`docs/cli.md, "Today that gives:": the \`${command}\` item lacks \`${option}\` (${op}'s request field ${field}; openapi/README.md, "Adding a field")`);
      }
    }
  }
  return problems;
}

describe("docs/cli.md's list of each command's field options", () => {
  it("names an option for every request field of the spec", () => {
    expect(unlistedFieldOptions(text("docs/cli.md"), operations)).toEqual([]);
  });

  it("the check can fail: a request field added to the spec", () => {
    const planted = { ...operations, updateThread: { ...operations.updateThread, requestFields: { ...operations.updateThread.requestFields, pinned: { type: "boolean" } } } };
    // Only what the planted field adds: a stale list fails the test above, not this one too.
    const real = unlistedFieldOptions(text("docs/cli.md"), operations);
    expect(unlistedFieldOptions(text("docs/cli.md"), planted).filter((p) => !real.includes(p))).toEqual([
      'docs/cli.md, "Today that gives:": the `thread update` item lacks `--pinned` (updateThread\'s request field pinned; openapi/README.md, "Adding a field")',
    ]);
    expect(unlistedFieldOptions("Today that gives:\n\n- `thread update`: `--status active|archived`\n", operations)).toContain('docs/cli.md, "Today that gives:": no `conversation update` item');
  });
});

describe.skipIf(unlisted !== undefined)("the `puffle error:` lines the docs quote", () => {
  const CONVERSATION = "f11e8a2c-1234-4567-89ab-cdef01234567";
  const THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
  // A command line for each complete line the docs quote (a line with a `…` is a shape, not checked
  // here). A line quoted and not listed fails below: give it its command.
  const RUNS: { args: string[]; stdout?: "full" }[] = [
    { args: ["conversation", "update", "--id", CONVERSATION, "--unread-count", "-1"] },
    { args: ["thread", "update", "--id", THREAD, "--participant-email", "not-an-email"] },
    { args: ["conversation", "update", "--id", "../x", "--status", "active"] },
    { args: ["thread", "update", "--id", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "--status", "active"] },
    { args: ["thread", "update", "--id", THREAD, "--api-key=puffle_test_alice"] },
    { args: ["mock", "--cors", "http://localhost:5173/"] },
    { args: ["thread", "update", "--id", THREAD, "--status", "archived", "--dry-run"], stdout: "full" },
    { args: ["thread", "update", "--id", THREAD, "--draft-subject", "Hello", "world"] },
    { args: ["thread", "update", "--id", THREAD, "--draft-subject", "--dry-run"] },
    // docs/migrating.md: exit 4 after the retries in 1.0.0, a usage error now.
    { args: ["thread", "update", "--id", THREAD, "--status", "archived", "--base-url", "http://deploy:s3cret@127.0.0.1:9"] },
  ];
  const quoted = DOCS.flatMap((doc) => quotedErrors(text(doc)).map((line) => ({ doc, line })));

  it("finds them (docs/cli.md's examples)", () => {
    expect(quoted.filter((q) => q.doc === "docs/cli.md").length).toBeGreaterThanOrEqual(6);
  });

  it.skipIf(!fs.existsSync("/dev/full"))("each is what the built CLI prints, on one line of stderr, for the command it stands for", () => {
    const printed = RUNS.map(({ args, stdout }) => {
      const out = stdout === "full" ? fs.openSync("/dev/full", "w") : "pipe";
      try {
        const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", env: env(), timeout: 15_000, stdio: ["ignore", out, "pipe"] });
        expect(r.status, args.join(" ")).not.toBe(0);
        expect(r.stderr.endsWith("\n") && r.stderr.split("\n").length === 2, `one line: ${r.stderr}`).toBe(true);
        return r.stderr.trimEnd();
      } finally {
        if (typeof out === "number") fs.closeSync(out);
      }
    });
    expect(quoted.filter((q) => !printed.includes(q.line)).map((q) => `${q.doc}: ${q.line}`), "quoted, but not what the CLI prints (or no command in RUNS)").toEqual([]);
    expect(printed.filter((line) => !quoted.some((q) => q.line === line)), "a command of RUNS whose line no doc quotes (any more)").toEqual([]);
  });
});

// docs/publishing.md opens by saying what of it needs the registry (all else runs offline). Its
// checklist's fallback for packing the last release by hand ran `npm ci`, which the opening did not
// name, and left the reader with two tarballs and no way to compare them, and a worktree behind.
describe("docs/publishing.md's release checklist", () => {
  const doc = unlisted === undefined ? text("docs/publishing.md") : "";
  const opening = doc.split("\n## ")[0]!.replace(/\s*\n\s*/g, " ");
  const checklist = doc.slice(doc.indexOf("\n## Release checklist"));
  it.skipIf(unlisted !== undefined)("the opening names each npm command of the checklist that needs the registry", () => {
    expect(checklist.length).toBeGreaterThan(1000);
    const online = [...new Set([...checklist.matchAll(/`(npm (?:ci|install|i|publish|audit|update))\b/g)].map((m) => m[1]!))];
    expect(online).toEqual(expect.arrayContaining(["npm ci", "npm publish", "npm audit"]));
    expect(online.filter((command) => !opening.includes(`\`${command}\``))).toEqual([]);
  });
  // Step 5 put the reference up before `npm publish`, whose prepublishOnly may refuse the release.
  it.skipIf(unlisted !== undefined)("the reference is published after `npm publish` has published", () => {
    const step5 = /^5\. [\s\S]*?(?=^6\. )/m.exec(checklist)?.[0] ?? "";
    expect(step5).toContain("`npm run docs`");
    expect(step5.indexOf("`npm publish`")).toBeGreaterThan(-1);
    expect(step5.indexOf("`npm publish`"), "`npm publish` before `npm run docs`").toBeLessThan(step5.indexOf("`npm run docs`"));
  });
  it.skipIf(unlisted !== undefined)("its hand-packed fallback says how to compare the two packages and removes its worktree", () => {
    const flat = checklist.replace(/\s*\n\s*/g, " ");
    const added = /`git worktree add (\S+) <last tag>`/.exec(flat);
    expect(added, "git worktree add").not.toBeNull();
    expect(flat).toContain(`\`git worktree remove --force ${added![1]}\``);
    expect(flat).toMatch(/compare them as `diff:package` would/);
  });
});

// CHANGELOG.md is history, but its "Unreleased" section (once released and renamed "## X.Y.Z — date",
// that release's section, until a new Unreleased lists entries) describes the release's net effect:
// the scripts and repository paths it names are the repository's, and each of its breaking changes
// (the two lists at its top) is in docs/migrating.md, which says it gives each with code.
describe("CHANGELOG.md's Unreleased section", () => {
  const changelog = text("CHANGELOG.md");
  const unreleased = nextReleaseSection(changelog);

  // docs/publishing.md's "Release checklist", step 3, renames the section and runs `npm test`: on
  // the renamed CHANGELOG the section read was "" (no "## Unreleased" left), and the two tests below
  // failed ("expected 0 to be greater than 1000"), stopping the release the checklist describes.
  // The CHANGELOG as step 3 leaves it (as it is, once released).
  const next = /^## Unreleased — next: (\d+\.\d+\.\d+)\b.*$/m.exec(changelog);
  const released = next ? changelog.replace(next[0], `## ${next[1]} — 2026-12-07`) : changelog;
  it("is read the same from the CHANGELOG as released (step 3's rename, with or without a new empty Unreleased)", () => {
    const body = (section: string) => section.slice(section.indexOf("\n", 1));
    const section = nextReleaseSection(released);
    expect(section).toMatch(/^## \d+\.\d+\.\d+ — \d{4}-\d{2}-\d{2}\b/);
    expect(body(section)).toBe(body(unreleased));
    const heading = section.slice(0, section.indexOf("\n"));
    const withEmpty = released.replace(`\n${heading}\n`, `\n## Unreleased\n\n<!-- entries go here -->\n\n### CLI\n\n${heading}\n`);
    expect(body(nextReleaseSection(withEmpty))).toBe(body(unreleased));
  });

  it("every `npm run X` it names is a script of package.json, and every repository path it names exists", () => {
    expect(unreleased.length).toBeGreaterThan(1000);
    const scripts = Object.keys(JSON.parse(text("package.json")).scripts as Record<string, string>);
    expect([...new Set(npmScripts(unreleased))].filter((name) => !scripts.includes(name))).toEqual([]);
    const paths = namedPaths("CHANGELOG.md", unreleased);
    expect(paths.map((p) => p.path)).toEqual(expect.arrayContaining(["src/server/launch.ts", "test/publish/package.test.ts"]));
    expect(paths.filter((p) => !p.found).map((p) => p.path)).toEqual([]);
  });

  // The package ships docs/*.md beside CHANGELOG.md as released (step 3's rename done): docs/migrating.md
  // sent its readers to CHANGELOG.md ("Unreleased"), a section the released CHANGELOG no longer has,
  // and called the release it ships in "the next major".
  // (A version's section is there as it is when the Unreleased heading says it is next.)
  it("the shipped docs' CHANGELOG sections are there in the CHANGELOG as released, and they call no shipped version the next", () => {
    const headings = (md: string) => [...md.matchAll(/^#{2,6} (.*)$/gm)].map((m) => m[1]!);
    const shipped = (JSON.parse(text("package.json")) as { files: string[] }).files.filter((f) => /^docs\/.*\.md$/.test(f));
    expect(shipped).toContain("docs/migrating.md");
    const problems: string[] = [];
    for (const doc of [...shipped, "CHANGELOG.md"]) {
      const flat = (doc === "CHANGELOG.md" ? nextReleaseSection(released) : text(doc)).replace(/\s*\n\s*/g, " ");
      for (const m of flat.matchAll(/CHANGELOG(?:\.md)?`?(?:'s)? \(?(?:its )?"([^"]+)"/g)) {
        if (doc === "CHANGELOG.md") break;
        for (const [which, md] of [["as it is", changelog], ["as released", released]] as const) {
          if (!headings(md).some((h) => h.startsWith(m[1]!) || h.startsWith(`Unreleased — next: ${m[1]!} `))) problems.push(`${doc}: CHANGELOG.md "${m[1]}" is no section of CHANGELOG.md ${which}`);
        }
      }
      for (const m of flat.matchAll(/(?:\S+ ){0,6}the next (?:major|minor|release|version)\b(?: \S+){0,3}/g)) problems.push(`${doc}: "${m[0].trim()}" (shipped in that release)`);
    }
    expect(problems).toEqual([]);
  });

  /** The bullets of a list under `heading` (a line of its own), each as one line. */
  const bullets = (heading: string) => {
    const start = unreleased.indexOf(`\n${heading}\n\n`);
    expect(start, heading).toBeGreaterThan(0);
    const list = unreleased.slice(start + heading.length + 3).split("\n\n")[0]!;
    return list.split(/\n(?=- )/).map((b) => b.replace(/\s*\n\s*/g, " "));
  };

  it("each of its breaking changes is in docs/migrating.md (a name or text of the entry's is there)", () => {
    const guide = text("docs/migrating.md").replace(/\s*\n\s*/g, " ");
    const builds = bullets("Builds that can fail (TypeScript):");
    const runs = bullets("Runs that can behave differently:");
    expect(builds.length).toBeGreaterThanOrEqual(7);
    expect(runs.length).toBeGreaterThanOrEqual(10);
    // A code span of the entry that is more than a common word (`headers`, `undefined`: those are
    // everywhere): an export, a type, a message, a member path. And one that no other entry of the
    // lists holds: `createPuffleClient` and `PuffleConfigError` are in several, so the guide naming
    // them said nothing of an entry of its own (the unknown-option refusals, a `null` header and
    // `PATCH`'s serialization errors had no section and passed on those names).
    const entries = [...builds, ...runs];
    const spansOf = entries.map((entry) => new Set(codeSpans(entry).filter((span) => span.length >= 7 && !/^[a-z]+$/.test(span))));
    const own = (span: string) => spansOf.filter((spans) => spans.has(span)).length === 1;
    // (An entry with no span of its own, such as `validateResponseBody`'s typed result, by any of its spans.)
    const missing = entries.filter((_entry, i) => {
      const spans = [...spansOf[i]!];
      const named = spans.some(own) ? spans.filter(own) : spans;
      return !named.some((span) => guide.includes(span));
    });
    expect(missing.map((entry) => entry.slice(0, 100)), "in CHANGELOG's breaking list but not in docs/migrating.md").toEqual([]);
  });

  // Its opening says the API description is not broken since the last release (`npm run diff -- REF`
  // finds nothing breaking), and docs/migrating.md that the API is unchanged. A bound narrowed in the
  // spec (participant_name's maxLength 256 → 128: `npm run diff` exits 1, ✖ narrowed-bound) left both
  // saying so, and every check passed.
  const base = claimedBase(unreleased, root);
  if (base.skip !== undefined) console.warn(`docs-claims: ${base.skip}`);
  it.skipIf(unlisted !== undefined || base.skip !== undefined)(base.skip ?? "its claim that the API description has no breaking change since the last release holds, as docs/migrating.md's", () => {
    expect(base.problem === undefined ? [] : [base.problem]).toEqual([]);
    if (base.spec === undefined) return; // no such sentence: nothing claimed
    const head = JSON.parse(text("generated/openapi.json")) as unknown;
    const found = breakingChanges(base.spec, head).filter((f) => f.severity !== "notable");
    expect(apiClaimProblems(base.ref!, text("docs/migrating.md"), found)).toEqual([]);
  });

  // The base as a spec editor may leave it, in a repository of its own: a full clone and a shallow one.
  describe.skipIf(unlisted !== undefined)("the base it names", () => {
    // Made in beforeAll, not as the file loads: a skipped describe runs no hook, and a folder made
    // at load was left in TMPDIR by docs-claims-without-git's nested runs (no run scratch folder).
    let dir = "";
    let full = "";
    afterAll(() => {
      if (dir !== "") fs.rmSync(dir, { recursive: true, force: true });
    });
    const git = (cwd: string, ...args: string[]) => {
      const r = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "protocol.file.allow=always", ...args], { cwd, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
      return r.stdout.trim();
    };
    let release = "";
    beforeAll(() => {
      dir = newScratchDir("puffle-docs-claims-");
      full = path.join(dir, "full");
      fs.mkdirSync(path.join(full, "generated"), { recursive: true });
      fs.writeFileSync(path.join(full, "generated/openapi.json"), '{"openapi":"3.1.0"}\n');
      git(full, "init", "-q");
      git(full, "add", ".");
      git(full, "commit", "-q", "-m", "release");
      release = git(full, "rev-parse", "--short=7", "HEAD");
      git(full, "commit", "-q", "--allow-empty", "-m", "next");
      git(dir, "clone", "-q", "--depth", "1", `file://${full}`, "shallow");
    });
    const say = (ref: string) => `## Unreleased\n\n\`npm run diff -- ${ref}\` finds nothing breaking in the API description.\n`;

    it("a commit of the repository: read", () => {
      expect(claimedBase(say(release), full)).toEqual({ ref: release, spec: { openapi: "3.1.0" } });
    });

    it("the check can fail: a base no commit or tag of a full clone, or none named", () => {
      expect(claimedBase(say("v9.9.9"), full).problem).toBe("CHANGELOG.md, Unreleased: `npm run diff -- v9.9.9`, which it says finds nothing breaking, names no commit or tag of this repository: give the last release's tag or commit (CHANGELOG.md, \"The rule\")");
      expect(claimedBase("`npm run diff` finds nothing breaking in the API description", full).problem).toBe("CHANGELOG.md, Unreleased: says `npm run diff` finds nothing breaking, but names no base to compare with: write `npm run diff -- <last release's tag or commit>` (CHANGELOG.md, \"The rule\")");
    });

    it("a shallow clone without the base: skipped, saying so", () => {
      expect(claimedBase(say(release), path.join(dir, "shallow"))).toEqual({ skip: `CHANGELOG.md's claim that \`npm run diff -- ${release}\` finds nothing breaking is not checked: ${release} is not in this shallow clone (\`git fetch --unshallow\` fetches it)` });
    });
  });

  it("the check can fail: a breaking change of the API description", () => {
    const found: Pick<Finding, "severity" | "rule" | "where" | "message">[] = [{ severity: "breaking", rule: "narrowed-bound", where: "PATCH /api/threads/{id} request application/json/participant_name", message: "maxLength lowered from 256 to 128" }];
    expect(apiClaimProblems("666c48d", "The API itself (the two endpoints, their bodies and statuses) is unchanged; the package's types changed.", found)).toEqual([
      "CHANGELOG.md, Unreleased: says `npm run diff -- 666c48d` finds nothing breaking in the API description, but it finds ✖ [narrowed-bound] PATCH /api/threads/{id} request application/json/participant_name: maxLength lowered from 256 to 128. A breaking API change is a breaking entry of its own (\"Builds that can fail\" or \"Runs that can behave differently\", and docs/migrating.md); change that sentence (openapi/README.md, \"Narrowing a bound\"; a field removed: \"Removing a request field\")",
      "docs/migrating.md: says \"The API itself … is unchanged\", but `npm run diff -- 666c48d` finds a breaking change (above)",
    ]);
  });
});

/**
 * The section of CHANGELOG.md that describes the changes since the last release: "## Unreleased…" if
 * it lists any (comments and sub-headings alone are no entry), else, once released, the newest
 * "## X.Y.Z" section. From its heading line to the next "## " heading.
 */
function nextReleaseSection(changelog: string): string {
  const text = changelog.replace(/\r\n/g, "\n");
  const sections = [...text.matchAll(/^## .*$/gm)].map((m, i, all) => text.slice(m.index, all[i + 1]?.index ?? text.length));
  const unreleased = sections.find((s) => /^## \[?Unreleased\b/i.test(s));
  const entries = (s: string) => s.slice(s.indexOf("\n") + 1).replace(/<!--[\s\S]*?-->/g, "").replace(/^#{3,6}(?:[ \t].*)?$/gm, "").trim();
  if (unreleased !== undefined && entries(unreleased) !== "") return unreleased;
  return sections.find((s) => /^## v?\d+\.\d+\.\d+/.test(s)) ?? "";
}

/**
 * The base CHANGELOG's Unreleased section says `npm run diff -- REF` finds nothing breaking since,
 * and its spec (generated/openapi.json at REF, in the repository at `cwd`): nothing when it says no
 * such thing; a `problem` when it names no base, or one that is no commit or tag of a full clone (a
 * typo read as no claim at all); a `skip` when the clone is shallow and lacks it (CI may clone so).
 */
function claimedBase(unreleased: string, cwd: string): { ref?: string; spec?: unknown; problem?: string; skip?: string } {
  const flat = unreleased.replace(/\s*\n\s*/g, " ");
  const claim = /`npm run diff(?: -- ([^`]*))?` finds nothing breaking/.exec(flat);
  if (!claim) return {};
  const ref = claim[1]?.trim();
  if (!ref) return { problem: 'CHANGELOG.md, Unreleased: says `npm run diff` finds nothing breaking, but names no base to compare with: write `npm run diff -- <last release\'s tag or commit>` (CHANGELOG.md, "The rule")' };
  const git = (...args: string[]) => spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const found = git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
  if (found.error !== undefined) return { skip: `CHANGELOG.md's claim that \`npm run diff -- ${ref}\` finds nothing breaking is not checked: git cannot run (${(found.error as NodeJS.ErrnoException).code ?? found.error.message})` };
  if (found.status !== 0) {
    if (git("rev-parse", "--is-shallow-repository").stdout.trim() === "true") {
      return { skip: `CHANGELOG.md's claim that \`npm run diff -- ${ref}\` finds nothing breaking is not checked: ${ref} is not in this shallow clone (\`git fetch --unshallow\` fetches it)` };
    }
    return { problem: `CHANGELOG.md, Unreleased: \`npm run diff -- ${ref}\`, which it says finds nothing breaking, names no commit or tag of this repository: give the last release's tag or commit (CHANGELOG.md, "The rule")` };
  }
  const shown = git("show", `${ref}:generated/openapi.json`);
  if (shown.status !== 0) return { problem: `CHANGELOG.md, Unreleased: \`npm run diff -- ${ref}\`, which it says finds nothing breaking, cannot run: ${ref} has no generated/openapi.json` };
  return { ref, spec: JSON.parse(shown.stdout) as unknown };
}

/** What CHANGELOG's Unreleased opening and docs/migrating.md say of the API description that the breaking `found` since `ref` contradict. */
function apiClaimProblems(ref: string, guide: string, found: Pick<Finding, "severity" | "rule" | "where" | "message">[]): string[] {
  if (found.length === 0) return [];
  const list = found.map((f) => `${f.severity === "review" ? "?" : "✖"} [${f.rule}] ${f.where}: ${f.message}`).join("; ");
  const problems = [
    `CHANGELOG.md, Unreleased: says \`npm run diff -- ${ref}\` finds nothing breaking in the API description, but it finds ${list}. A breaking API change is a breaking entry of its own ("Builds that can fail" or "Runs that can behave differently", and docs/migrating.md); change that sentence (openapi/README.md, "Narrowing a bound"; a field removed: "Removing a request field")`,
  ];
  if (/The API itself\b[^.]*\bis unchanged/.test(guide.replace(/\s*\n\s*/g, " "))) problems.push(`docs/migrating.md: says "The API itself … is unchanged", but \`npm run diff -- ${ref}\` finds a breaking change (above)`);
  return problems;
}
