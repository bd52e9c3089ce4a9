#!/usr/bin/env node
// `npm run diff -- [git-ref] [--base FILE] [--head FILE]`: breaking-change check of the bundled spec.
//
// base: generated/openapi.json at <git-ref> (default: the last release tag vX.Y.Z, else the first commit), or FILE.
// head: generated/openapi.json in the work tree, or FILE. The work tree's must be what openapi/
//       generates: the base is the artifact at the ref (generated/ is committed, and the release tag's
//       passed generate:check), so the head is the artifact too, not the source; a spec edited without
//       `npm run generate` (or generated/ edited by hand) is refused, exit 2, saying to run it first,
//       instead of comparing whatever generated/ holds. The pipeline runs in memory (writes nothing).
//
// Two checks, both offline:
//   1. Optic (`optic diff BASE HEAD --check`), its standard breaking-change rules (also when
//      info.version's major changed, which they skip by default): removed
//      operations, statuses and response properties, new required request properties, changed
//      types, removed request enum values, …
//   2. scripts/publish/breaking-rules.mjs, for what Optic lets through: narrowed numeric/length
//      bounds on the request side, request patterns/formats added or changed, request objects
//      closed, multipleOf/uniqueItems/enum added on the request side, removed response enum values
//      (or a whole response enum), response fields that are no longer guaranteed, response enum
//      values added and types widened, media types, operationIds and security requirements removed
//      or changed, request properties removed (Optic lists them without flagging them), response
//      headers removed or made optional, a parameter's style/explode changed
//      (defaults applied) or allowReserved/allowEmptyValue turned off, components removed or
//      renamed (the package exports a type named after each), and, again, new required request fields and removed
//      response fields; wider response constraints (response headers' too) and new statuses as
//      notable; changes under keywords the rules do not read, and to parameters or response headers
//      described with `content`, to review by hand.
// Each finding is breaking (✖), to review by hand (?: a change the rules cannot classify, such as
// one under oneOf/anyOf/not/if), or notable (•: a response widened where no client type changes,
// a new status). Exit 0: nothing breaking or to review (notable findings are printed). Exit 1: a
// breaking change (info.version must then get a new major; the output says whether it did), or
// one to review. Exit 2: the command could not run (a bad argument, a spec missing or
// not JSON at the ref or as FILE, the work tree's generated/openapi.json not what openapi/ generates,
// Optic failing, a `$ref` outside the spec that the puffle rules cannot follow), said in one line.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HTTP_METHODS } from "./lib/spec.mjs";
import { defaultRef } from "./publish/base-ref.mjs";
import { breakingChanges, SpecShapeError } from "./publish/breaking-rules.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SPEC = "generated/openapi.json";

// One line, whatever git or JSON.parse said (V8 quotes the bad input, newlines and all).
function fail(message) {
  console.error(`diff: ${message.replace(/\s*\n\s*/g, " ")}`);
  process.exit(2);
}

function git(...args) {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

function parseArgs(argv) {
  const out = { ref: undefined, base: undefined, head: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--base" || a === "--head") {
      const v = argv[++i];
      if (!v) fail(`${a} needs a file`);
      out[a.slice(2)] = path.resolve(process.cwd(), v);
    } else if (a === "--help" || a === "-h") {
      console.log("usage: npm run diff -- [git-ref] [--base FILE] [--head FILE]");
      process.exit(0);
    } else if (a.startsWith("-")) fail(`unknown option ${a}`);
    else if (out.ref === undefined) out.ref = a;
    else fail(`unexpected argument ${a}`);
  }
  return out;
}

/** The spec in `text`, or exit 2 naming `what` (where it came from) and what is wrong with it. */
function parseSpec(text, what) {
  let spec;
  try {
    spec = JSON.parse(text);
  } catch (e) {
    fail(`cannot parse ${what}: ${e.message}`);
  }
  if (!spec || typeof spec !== "object" || Array.isArray(spec)) fail(`cannot use ${what}: not a JSON object`);
  return spec;
}

function readText(file, label) {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    fail(`cannot read the ${label} spec ${file}: ${e.message}`);
  }
}

function readJson(file, label) {
  return parseSpec(readText(file, label), `the ${label} spec ${file}`);
}

const args = parseArgs(process.argv.slice(2));
let base;
let baseLabel;
if (args.base) {
  if (args.ref) fail("give a git ref or --base FILE, not both");
  base = readJson(args.base, "base");
  baseLabel = path.relative(process.cwd(), args.base);
} else {
  const { ref, why } = args.ref ? { ref: args.ref, why: "given" } : defaultRef(root);
  let text;
  try {
    git("rev-parse", "--verify", `${ref}^{commit}`);
    text = git("show", `${ref}:${SPEC}`);
  } catch (e) {
    fail(`cannot read ${SPEC} at ${ref}: ${String(e.stderr ?? e.message).trim()}`);
  }
  base = parseSpec(text, `${SPEC} at ${ref}`);
  baseLabel = `${SPEC} at ${ref} (${why})`;
}
/**
 * Exits 2 unless `text` (the work tree's generated/openapi.json) is what openapi/ generates now: a
 * spec edited and not regenerated was compared as it was before the edit, whichever side it read.
 * Compares that one file (the others do not change the verdict), line endings aside (a CRLF
 * checkout holds the same JSON).
 */
async function checkGenerated(text) {
  const [{ runPipeline }, { PipelineError }] = await Promise.all([import("./lib/pipeline.mjs"), import("./lib/errors.mjs")]);
  let files;
  try {
    files = await runPipeline({ spec: path.join(root, "openapi/openapi.yaml"), config: path.join(root, "redocly.yaml") });
  } catch (e) {
    if (!(e instanceof PipelineError)) throw e;
    fail(`openapi/ does not generate (${e.format(process.cwd())}): fix it and run \`npm run generate\`, then \`npm run diff\``);
  }
  if (files.get("openapi.json") !== text.replaceAll("\r\n", "\n")) {
    fail(`${SPEC} is not what openapi/ generates (openapi/ changed since \`npm run generate\`, or ${SPEC} was edited): run \`npm run generate\` first, then \`npm run diff\` (or compare a file of your own with --head FILE)`);
  }
}

const headFile = args.head ?? path.join(root, SPEC);
const headText = readText(headFile, "head");
const head = parseSpec(headText, `the head spec ${headFile}`);
if (!args.head) await checkGenerated(headText);
const headLabel = args.head ? path.relative(process.cwd(), args.head) : SPEC;
console.log(`diff: base ${baseLabel} (version ${base.info?.version})`);
console.log(`diff: head ${headLabel} (version ${head.info?.version})`);

// HTTP header names are case-insensitive, but Optic matches parameters by name as written: a header
// parameter renamed in case only was one removed and a new one (breaking when required). Its copies
// have every header parameter's name lower-cased.
function lowerHeaderParameters(spec) {
  const lower = (list) => {
    for (const p of Array.isArray(list) ? list : []) if (p && p.in === "header" && typeof p.name === "string") p.name = p.name.toLowerCase();
  };
  for (const item of Object.values(spec.paths ?? {})) {
    if (!item || typeof item !== "object") continue;
    lower(item.parameters);
    for (const method of HTTP_METHODS) lower(item[method]?.parameters);
  }
  lower(Object.values(spec.components?.parameters ?? {}));
  return spec;
}

// 1. Optic, on copies without the generated-file notice (removed before any exit), header
// parameter names lower-cased.
const tmp = mkdtempSync(path.join(os.tmpdir(), "puffle-diff-"));
let optic;
try {
  const strip = (spec) => {
    const { "x-generated": _notice, ...rest } = lowerHeaderParameters(structuredClone(spec));
    return `${JSON.stringify(rest, null, 2)}\n`;
  };
  writeFileSync(path.join(tmp, "base.json"), strip(base));
  writeFileSync(path.join(tmp, "head.json"), strip(head));
  // Optic's default standard, except that it skips itself when info.version's major changes: a
  // breaking change released with its new major is still one (the summary says the major is there).
  writeFileSync(path.join(tmp, "standard.yml"), "ruleset:\n  - breaking-changes:\n      skip_when_major_version_changes: false\n");
  optic = spawnSync(process.execPath, [path.join(root, "node_modules/@useoptic/optic/build/index.js"), "diff", "base.json", "head.json", "--check", "--standard", "standard.yml"], {
    cwd: tmp,
    encoding: "utf8",
    env: { ...process.env, OPTIC_TELEMETRY_LEVEL: "off", CI: "true" },
    timeout: 300_000,
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const output = `${optic.stdout ?? ""}${optic.stderr ?? ""}`.trim();
if (optic.error || (optic.status !== 0 && optic.status !== 1) || !/Operations:/.test(output)) {
  console.error(output);
  fail(`optic diff did not run (exit ${optic.status}${optic.error ? `, ${optic.error.message}` : ""})`);
}
const opticBreaking = optic.status === 1;
console.log("\n# optic diff --check");
// Optic ends each finding with "at head.json:LINE:COL" (or a bare "at"): a place in its copy of the
// spec, a temporary file removed above, and no line of generated/openapi.json (nor the same place
// twice). The property path above the finding says where; the location lines are left out.
console.log(output.replace(/\n?Rerun this command with the --web flag[^\n]*/g, "").replace(/^[ \t]*at(?: (?:base|head)\.json:\d+:\d+)?[ \t]*(?:\n|(?![\s\S]))/gm, "").trimEnd());

// 2. Our rules.
let findings;
try {
  findings = breakingChanges(base, head);
} catch (e) {
  if (!(e instanceof SpecShapeError)) throw e;
  fail(`puffle rules cannot read the ${e.message}`);
}
console.log("\n# puffle rules (scripts/publish/breaking-rules.mjs)");
const breakingFindings = findings.filter((f) => f.severity === "breaking");
const review = findings.filter((f) => f.severity === "review");
if (breakingFindings.length === 0) console.log("no breaking change found");
// ✖ breaking, ? to review by hand (undecided, counted as breaking until a person says otherwise), • notable.
const marks = { breaking: "✖", review: "?", notable: "•" };
for (const f of findings) console.log(`${marks[f.severity]} [${f.rule}] ${f.where}: ${f.message}`);

const breaking = opticBreaking || breakingFindings.length > 0;
const major = (v) => Number.parseInt(String(v ?? "0").split(".")[0], 10);
const bumped = major(head.info?.version) > major(base.info?.version);
console.log("");
if (breaking) {
  console.log(`BREAKING: ${opticBreaking ? "optic" : ""}${opticBreaking && breakingFindings.length ? " and " : ""}${breakingFindings.length ? `${breakingFindings.length} puffle rule finding(s)` : ""}.`);
  console.log(
    bumped
      ? `info.version has a new major (${base.info.version} → ${head.info.version}), as a breaking change requires; record it in CHANGELOG.md.`
      : `A breaking change needs a new major info.version (now ${head.info?.version}, base ${base.info?.version}); see CHANGELOG.md.`,
  );
}
if (review.length > 0) {
  console.log(`REVIEW: ${review.length} change(s) the puffle rules do not classify (marked ?): read each; one that breaks a client needs a new major info.version (now ${head.info?.version}, base ${base.info?.version}).`);
}
if (breaking || review.length > 0) process.exit(1);
console.log("OK: no breaking change.");
// The verdict is the API description's alone: a maintainer reading "OK" as "a minor" missed that the
// package's own types and behaviour count too (CHANGELOG.md, "The rule"; 2.0.0 is such a major).
console.log("This compares the API description only: a change to the package's own exports, types or behaviour that breaks code written for the base still needs a new major (CHANGELOG.md, \"The rule\"): `npm run diff:package` compares those.");
