// `npm run docs` and `npm run reliability` on bad arguments: exit 2 naming the argument, with the
// usage, and nothing written — an option is never taken for docs' output directory, nor is
// openapi/ or generated/ (or a folder in them, through `..` or a symlink). (`npm run
// diff`'s are in test/publish/diff.test.ts, `npm run bench`'s in bench-args.test.ts.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";

const work = scratchDir("puffle-script-args-");
const strays = ["--bogus", "-x", "a", "b", "--help"].map((name) => path.join(root, name));
// What docs would leave in openapi/ or generated/ without its guard (none of it is there before).
const guarded = ["generated/index.html", "generated/docs-out", "openapi/index.html", "openapi/openapi.json", "openapi/docs-out"]
  .map((name) => path.join(root, name))
  .filter((file) => !fs.existsSync(file));
afterAll(() => {
  for (const stray of [...strays, ...guarded]) fs.rmSync(stray, { recursive: true, force: true }); // only if a case failed
});

function script(name: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, "scripts", name), ...args], { cwd: root, encoding: "utf8", timeout: 30_000, env: { ...process.env, TMPDIR: work } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const mtime = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
/** Every file and folder under `dir` with its size and mtime, to see that nothing was written. */
const snapshot = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .sort()
    .map((name) => {
      const st = fs.statSync(path.join(dir, name));
      return `${name} ${st.isDirectory() ? "dir" : st.size} ${st.mtimeMs}`;
    });

describe("npm run docs: arguments", () => {
  const cases: [string, { given: string[]; want: RegExp }][] = [
    ["an unknown long option", { given: ["--bogus"], want: /^docs: unknown option --bogus$/m }],
    ["an unknown short option", { given: ["-x"], want: /^docs: unknown option -x$/m }],
    ["two output directories", { given: ["a", "b"], want: /^docs: one output directory at most, got 2: a b$/m }],
  ];
  it.each(cases)("%s: exit 2 with the usage, nothing written", (_name, { given, want }) => {
    const { code, stdout, stderr } = script("docs.mjs", ...given);
    expect(code).toBe(2);
    expect(stderr).toMatch(want);
    expect(stderr).toMatch(/^usage: npm run docs -- \[OUT_DIR\]/m);
    expect(stdout).toBe("");
    for (const stray of strays) expect(fs.existsSync(stray), stray).toBe(false);
  });

  // openapi/ and generated/ are never written: not as OUT_DIR, nor below them, however it is spelt.
  const linkToGenerated = path.join(work, "link-to-generated");
  const linkToRoot = path.join(work, "link-to-root");
  fs.symlinkSync(path.join(root, "generated"), linkToGenerated);
  fs.symlinkSync(root, linkToRoot);
  const guards: [string, { given: string; want: string }][] = [
    ["generated", { given: "generated", want: "generated is generated/" }],
    ["./generated/", { given: "./generated/", want: "./generated/ is generated/" }],
    ["a folder to make inside generated/", { given: "generated/docs-out", want: "generated/docs-out is inside generated/" }],
    ["generated/ through ..", { given: "dist/../generated", want: "dist/../generated is generated/" }],
    // A folder whose name starts with two dots is still inside (`..docs` is not `..`).
    ["a folder named ..docs inside openapi/", { given: "openapi/..docs", want: "openapi/..docs is inside openapi/" }],
    ["openapi/ as an absolute path", { given: path.join(root, "openapi"), want: `${path.join(root, "openapi")} is openapi/` }],
    ["a folder to make inside openapi/, absolute", { given: path.join(root, "openapi/docs-out"), want: `${path.join(root, "openapi/docs-out")} is inside openapi/` }],
    ["a symlink to generated/", { given: linkToGenerated, want: `${linkToGenerated} is generated/` }],
    ["a folder to make under a symlink to generated/", { given: path.join(linkToGenerated, "docs-out"), want: `${path.join(linkToGenerated, "docs-out")} is inside generated/` }],
    ["openapi/ under a symlink to the repository", { given: path.join(linkToRoot, "openapi"), want: `${path.join(linkToRoot, "openapi")} is openapi/` }],
  ];
  it.each(guards)("OUT_DIR %s: exit 2 naming the rule, with the usage, nothing written", (_name, { given, want }) => {
    const before = [snapshot(path.join(root, "generated")), snapshot(path.join(root, "openapi"))];
    const { code, stdout, stderr } = script("docs.mjs", given);
    expect(stderr.split("\n")).toEqual([`docs: output directory ${want}; openapi/ and generated/ are never written`, expect.stringMatching(/^usage: npm run docs -- \[OUT_DIR\]/), ""]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect([snapshot(path.join(root, "generated")), snapshot(path.join(root, "openapi"))]).toEqual(before);
  });

  it("an output directory that is a file: exit 1 naming it, no stack trace", () => {
    const file = path.join(work, "not-a-dir");
    fs.writeFileSync(file, "x");
    const { code, stderr } = script("docs.mjs", file);
    expect(code).toBe(1);
    expect(stderr).toBe(`docs: cannot write to ${file} (EEXIST)\n`);
    expect(fs.readFileSync(file, "utf8")).toBe("x");
  });

  // A bundle docs cannot make code samples from (a spec edited without servers, or an operation
  // without request examples): one line naming what is missing, no stack trace, nothing written.
  // docs.mjs reads generated/openapi.json beside its scripts/: it runs from a copy of the root.
  it.each([
    ["no servers", (spec: Record<string, unknown>): void => void delete spec.servers, /^docs: cannot make the code samples: spec has no servers\[0\]\.url$/],
    [
      "an operation without request examples",
      (spec: Record<string, unknown>): void => {
        for (const item of Object.values(spec.paths as Record<string, { patch: { requestBody?: unknown } }>)) delete item.patch.requestBody;
      },
      /^docs: cannot make the code samples: updateConversation \(PATCH \/api\/conversations\/\{id\}\): it has no application\/json request body; .* write the new operation's in scripts\/publish\/code-samples\.mjs /,
    ],
    [
      "a request body without examples",
      (spec: Record<string, unknown>): void => {
        type Body = { $ref?: string; content?: Record<string, { examples?: unknown }> };
        const resolve = (body: Body): Body => (body.$ref === undefined ? body : (body.$ref.slice(2).split("/").reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], spec) as Body));
        for (const item of Object.values(spec.paths as Record<string, { patch: { requestBody: Body } }>)) delete resolve(item.patch.requestBody).content!["application/json"]!.examples;
      },
      /^docs: cannot make the code samples: updateConversation \(PATCH \/api\/conversations\/\{id\}\): its application\/json request body has no examples; .*add one in openapi\//,
    ],
    // Redoc's sidebar <img>: the page was written with it, and only then refused, over several lines.
    [
      "an x-logo on another host",
      (spec: Record<string, unknown>): void => void ((spec.info as Record<string, unknown>)["x-logo"] = { url: "https://example.com/logo.png" }),
      /^docs: #\/info\/x-logo\/url loads an image of https:\/\/example\.com\/logo\.png; the reference must load nothing from the network/,
    ],
    // The browser reads a backslash as a slash and drops tabs and line breaks: each of these loads
    // https://example.com/logo.png from a page served over https (a text match let them through).
    ...(["\\\\example.com/logo.png", "/\\example.com/logo.png", "ht\ntps://example.com/logo.png", "/\t/example.com/logo.png"] as const).map(
      (url) =>
        [
          `an x-logo of ${JSON.stringify(url)}`,
          (spec: Record<string, unknown>): void => void ((spec.info as Record<string, unknown>)["x-logo"] = { url }),
          /^docs: #\/info\/x-logo\/url loads an image of https:\/\/example\.com\/logo\.png; the reference must load nothing from the network/,
        ] as const,
    ),
  ] as const)("a bundle with %s: exit 1, one line, nothing written", (_name, edit, want) => {
    const copy = fs.mkdtempSync(path.join(work, "root-"));
    fs.cpSync(path.join(root, "scripts"), path.join(copy, "scripts"), { recursive: true });
    fs.symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"));
    fs.mkdirSync(path.join(copy, "generated"));
    const spec = JSON.parse(fs.readFileSync(path.join(root, "generated/openapi.json"), "utf8")) as Record<string, unknown>;
    edit(spec);
    fs.writeFileSync(path.join(copy, "generated/openapi.json"), JSON.stringify(spec));
    const out = path.join(copy, "out");
    const r = spawnSync(process.execPath, [path.join(copy, "scripts/docs.mjs"), out], { cwd: copy, encoding: "utf8", timeout: 30_000 });
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(want);
    expect(r.status).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  // A check of the built page failing (here Redoc's CDN logo not found, as after a Redoc update)
  // left Redoc's page, which loads that logo, as OUT_DIR/index.html and the new openapi.json beside
  // an earlier page. The page is built in a temporary folder and both files written only at the end.
  it("a built page that fails a check: exit 1, one line, an earlier page and openapi.json as they were", () => {
    const copy = fs.mkdtempSync(path.join(work, "root-"));
    fs.cpSync(path.join(root, "scripts"), path.join(copy, "scripts"), { recursive: true });
    fs.cpSync(path.join(root, "generated/openapi.json"), path.join(copy, "generated/openapi.json"));
    // A stand-in for `redocly build-docs`: a page with a title and Redoc's markup, without the CDN logo.
    const cli = path.join(copy, "node_modules/@redocly/cli/bin/cli.js");
    fs.mkdirSync(path.dirname(cli), { recursive: true });
    fs.writeFileSync(cli, 'const a = process.argv; require("node:fs").writeFileSync(a[a.indexOf("--output") + 1], "<html><head><title>t</title></head><body><div id=\\"redoc\\"></div><script type=\\"module\\"></script></body></html>");\n');
    const out = path.join(copy, "out");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "index.html"), "earlier page");
    fs.writeFileSync(path.join(out, "openapi.json"), "earlier spec");
    const tmp = fs.mkdtempSync(path.join(work, "tmp-"));
    const r = spawnSync(process.execPath, [path.join(copy, "scripts/docs.mjs"), out], { cwd: copy, encoding: "utf8", timeout: 30_000, env: { ...process.env, TMPDIR: tmp } });
    expect(r.stderr).toBe("docs: expected Redoc's CDN logo URL https://cdn.redoc.ly/redoc/logo-mini-full.svg in the page; update scripts/docs.mjs\n");
    expect(r.status).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(["index.html", "openapi.json"]);
    expect(fs.readFileSync(path.join(out, "index.html"), "utf8")).toBe("earlier page");
    expect(fs.readFileSync(path.join(out, "openapi.json"), "utf8")).toBe("earlier spec");
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  // The page's script names Redoc's colour switch, schema toggles, icons, headings and the right-hand
  // panel's buttons by finding Redoc's markup; a Redoc update that renames it would silently leave
  // them as they were. The build fails instead, naming what it did not find (here on a stand-in
  // page; with every marker there, the next check, the licence notice, is the one that fails). So
  // does the one change made to Redoc's code (its lazily drawn nested schema, drawn at once).
  const MARKERS = ["color-mode-switcher", "data-schema-nested-open", "schema-property-item", "schema-name", "data-section-id", "deep-link-anchor", "json-viewer", "panel-request-samples", "panel-response-samples", "data-response-codes-tablist", "schema-expand-all-button", "collapse-all", "copy-button", "panel-servers", "page-actions"];
  // The JSON example's fold button, as Redoc's minified code writes it: a fixed label, its state a class.
  const FOLD = '"aria-label":`collapse`,className:e?`expanded`:``';
  const FOLD_MISSING = "the JSON example's fold button (\"aria-label\":`collapse`,className:…?`expanded`)";
  // Redoc's nested schema drawn only once scrolled near (made to draw at once, for printing).
  const LAZY = "function Xce({forceMount:e=!1,estimatedHeight:t,children:n}){let[r,i]=(0,B.useState)(e),a=0}";
  it.each([...MARKERS.map((m) => [`without ${m}`, m] as const), ["without the JSON fold button's code", FOLD] as const, ["without the lazily drawn nested schema", LAZY] as const, ["with every marker", ""] as const])("a Redoc page %s for the accessibility names: exit 1, one line saying what is missing", (_name, missing) => {
    const copy = fs.mkdtempSync(path.join(work, "root-"));
    fs.cpSync(path.join(root, "scripts"), path.join(copy, "scripts"), { recursive: true });
    fs.cpSync(path.join(root, "generated/openapi.json"), path.join(copy, "generated/openapi.json"));
    // Redocly CLI's version and LICENSE, read for the notice after the check.
    fs.mkdirSync(path.join(copy, "node_modules/@redocly/cli"), { recursive: true });
    fs.writeFileSync(path.join(copy, "node_modules/@redocly/cli/package.json"), '{"version":"0.0.0"}');
    fs.cpSync(path.join(root, "node_modules/@redocly/cli/LICENSE"), path.join(copy, "node_modules/@redocly/cli/LICENSE"));
    const code = `/* https://cdn.redoc.ly/redoc/logo-mini-full.svg https://cdn.redoc.ly/redoc/logo-mini.svg ${[...MARKERS, FOLD].filter((m) => m !== missing && m !== "color-mode-switcher").join(" ")} */${missing === LAZY ? "" : LAZY}`;
    const switcher = missing === "color-mode-switcher" ? "" : '<button data-testid="color-mode-switcher"></button>';
    const page = `<html><head><title>t</title></head><body><div id="redoc"><div class="menu-content">${switcher}</div></div><script type="module">${code}</script></body></html>`;
    const cli = path.join(copy, "node_modules/@redocly/cli/bin/cli.js");
    fs.mkdirSync(path.dirname(cli), { recursive: true });
    fs.writeFileSync(cli, `const a = process.argv; require("node:fs").writeFileSync(a[a.indexOf("--output") + 1], ${JSON.stringify(page)});\n`);
    const out = path.join(copy, "out");
    const r = spawnSync(process.execPath, [path.join(copy, "scripts/docs.mjs"), out], { cwd: copy, encoding: "utf8", timeout: 30_000 });
    expect(r.stderr.trimEnd().split("\n"), r.stderr).toHaveLength(1);
    if (missing === LAZY) expect(r.stderr.trimEnd()).toMatch(/^docs: expected Redoc's lazily drawn nested schema \(.*\) once in the page, found 0; update scripts\/docs\.mjs$/);
    else if (missing) expect(r.stderr.trimEnd()).toMatch(new RegExp(`^docs: expected Redoc's colour switch .*\\(missing: ${(missing === FOLD ? FOLD_MISSING : missing).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\); update scripts/docs.mjs$`));
    else expect(r.stderr).toMatch(/^docs: expected Redoc's version in its script/);
    expect(r.status).toBe(1);
    expect(fs.existsSync(path.join(out, "index.html"))).toBe(false);
  });

  it("--help prints the usage and exits 0", () => {
    const { code, stdout, stderr } = script("docs.mjs", "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run docs -- \[OUT_DIR\] {3}\(default dist\/docs/);
    expect(stderr).toBe("");
  });
});

describe("npm run reliability: arguments", () => {
  const report = path.join(root, "RELIABILITY.md");
  const cases: [string, { given: string[]; want: string }][] = [
    ["an option", { given: ["--quick"], want: "reliability: takes no option --quick" }],
    ["an argument", { given: ["test/model"], want: 'reliability: takes no argument "test/model"' }],
    ["--help with more", { given: ["--help", "x"], want: "reliability: takes no option --help" }],
  ];
  it.each(cases)("%s: exit 2 with the usage, no suite run, nothing written", (_name, { given, want }) => {
    const before = mtime(report);
    const { code, stdout, stderr } = script("reliability.mjs", ...given);
    expect(code).toBe(2);
    expect(stderr).toBe(`${want}\nusage: npm run reliability   (no options: runs the suites and rewrites RELIABILITY.md)\n`);
    expect(stdout).toBe("");
    expect(mtime(report)).toBe(before);
    expect(fs.readdirSync(work).filter((n) => n.startsWith("puffle-reliability-"))).toEqual([]);
  });

  it("--help prints the usage and exits 0", () => {
    const { code, stdout } = script("reliability.mjs", "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run reliability/);
  });
});
