// The generate pipeline as a function: spec in, a map of generated files out. It writes nothing;
// scripts/generate.mjs decides where the files go.
//
// Only light modules are imported up front. runPipeline starts the types worker first, then loads
// the heavy ones (Redocly, yaml, AJV and the steps built on them; loadSteps): the worker loads
// openapi-typescript and TypeScript on the second core meanwhile, instead of after them.
import path from "node:path";
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { PipelineError } from "./errors.mjs";
import { canonicalize } from "./canonical.mjs";
import { checkEncoding } from "./encoding.mjs";
import { findRefCycle } from "./ref-cycle.mjs";
import { escapePointer } from "./spec.mjs";

/** The modules the steps need, loaded once the types worker has started. */
async function loadSteps() {
  const [redocly, { specResolver }, { buildValidators }, { buildMeta }, { buildExamples }, { installLinearNames }] = await Promise.all([
    import("@redocly/openapi-core"),
    import("./spec-resolver.mjs"),
    import("./validators.mjs"),
    import("./meta.mjs"),
    import("./examples.mjs"),
    import("./codegen-names.mjs"),
  ]);
  // Redocly's lint compiles the spec's schemas (to check its examples) with its fork of AJV, whose
  // code generator is AJV's: the same linear name counts as the validators step's (same code).
  installLinearNames("@redocly/ajv", import.meta.resolve("@redocly/openapi-core"));
  return { redocly, specResolver, buildValidators, buildMeta, buildExamples };
}

export const NOTICE = "generated from openapi/ by scripts/generate.mjs — do not edit; change openapi/ and run `npm run generate`";
const header = (prefix) => `${prefix} ${NOTICE}`;

function problemToError(problem, extra, getLineColLocation) {
  const loc = problem.location?.[0];
  let file;
  let line;
  let col;
  if (loc) {
    try {
      const lc = getLineColLocation(loc);
      line = lc.start?.line;
      col = lc.start?.col;
    } catch {
      // keep the file without a line
    }
    file = loc.source?.absoluteRef;
  }
  // A file Redocly could not parse is reported under the rule that followed the $ref to it.
  const rule = /^Failed to parse/.test(problem.message ?? "") ? "yaml" : problem.ruleId ?? "lint";
  // Not only `npm run lint:openapi`: Redocly's CLI does not make generate's own checks (a $ref kept
  // inside the spec's folder), so for those it would report nothing.
  const more = extra > 0 ? ` (and ${extra} more problem${extra === 1 ? "" : "s"}: \`npm run generate\` reports the next once this one is fixed; \`npm run lint:openapi\` lists Redocly's own)` : "";
  return new PipelineError({ file, line, col, rule, message: `${problem.message}${more}` });
}

/**
 * The Redocly config (`--config`), loaded and then checked as Redocly's CLI checks it. One it cannot
 * read, parse or load (a missing file, a folder, bad YAML, an unknown `extends`, a plugin that is
 * missing or does not load) fails at the config file, as one line, instead of Redocly's stack
 * trace; one it loads with a problem (an unknown rule, a severity that is none, a list) fails at
 * that problem instead of being ignored.
 */
async function lintConfigFile({ loadConfig, lintConfig, getLineColLocation }, configPath) {
  const file = path.resolve(configPath);
  let config;
  try {
    config = await loadConfig({ configPath: file });
  } catch (err) {
    // Redocly's YamlParseError has line and col (1-based) and its message ends with them.
    const parsed = typeof err?.line === "number";
    const code = err?.originalError?.code ?? err?.code;
    const first = String(err?.originalError?.reason ?? err?.message ?? err).split("\n")[0].replace(/ in "[^"]*" \(\d+:\d+\)$/, "");
    const message = code === "ENOENT" ? "config file not found" : `the Redocly config cannot be loaded: ${first}`;
    throw new PipelineError({ file, line: parsed ? err.line : undefined, col: parsed ? err.col : undefined, rule: parsed ? "yaml" : "puffle/config", message });
  }
  const problems = await lintConfig({ config });
  if (problems.length > 0) {
    const error = problemToError(problems[0], 0, getLineColLocation);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more: \`npx redocly lint --config ${configPath}\` lists them)` : "";
    throw new PipelineError({ file: error.file ?? file, line: error.line, col: error.col, rule: "puffle/config", message: `${error.message}${more}` });
  }
  return config;
}

/** What the root file holds instead of a mapping: "an empty file", "a list", "null", "a string", …. */
async function rootKind(root) {
  try {
    const { parseDocument } = await import("yaml");
    const doc = parseDocument(fs.readFileSync(root, "utf8"));
    if (doc.contents == null) return "an empty file"; // nothing but comments, or nothing at all
    const value = doc.toJS();
    if (value === null) return "null";
    return Array.isArray(value) ? "a list" : `a ${typeof value}`;
  } catch {
    return "something else";
  }
}

const CIRCULAR = "Self-referencing circular pointer";

/**
 * While Redocly resolves `$ref`s, its resolver rejects once per `$ref` of a cycle, and all but one
 * of those promises are handled only later, or never: each would end the process with a stack trace
 * ("unhandled rejection") or print a PromiseRejectionHandledWarning. One pair of process listeners
 * (shared by the lint runs in progress, so that a caller running the pipeline again and again, a
 * test runner, does not collect a pair per run) listens for them while lint runs; a watch's `seen`
 * says whether there was one. `stop(cycle)` ends the watch; the listeners are removed once no lint
 * runs, unless a cycle was met: more repeats may still come (until the process exits with its
 * message), and they stay installed, still one pair.
 */
const circularWatches = new Set();
let circularMet = false;
const onUnhandledRejection = (reason) => {
  if (reason?.message === CIRCULAR) {
    for (const watch of circularWatches) watch.seen = true;
  } else if (process.listenerCount("unhandledRejection") === 1) {
    throw reason; // as with no listener
  }
};
const onRejectionHandled = () => {};

function watchCircularRejections() {
  const watch = { seen: false };
  if (circularWatches.size === 0 && !circularMet) {
    process.on("unhandledRejection", onUnhandledRejection);
    process.on("rejectionHandled", onRejectionHandled);
  }
  circularWatches.add(watch);
  watch.stop = (cycle) => {
    if (!circularWatches.delete(watch)) return;
    if (cycle) circularMet = true;
    if (circularWatches.size === 0 && !circularMet) {
      process.off("unhandledRejection", onUnhandledRejection);
      process.off("rejectionHandled", onRejectionHandled);
    }
  };
  return watch;
}

/** A PipelineError at the first `$ref` of the cycle Redocly stopped on (unlocated when none is found). */
async function refCycleError(resolver, root, getLineColLocation, redoclyMessage) {
  const cycle = await findRefCycle(resolver);
  if (!cycle) return new PipelineError({ file: root, rule: "circular-ref", message: redoclyMessage });
  const name = ({ document, pointer }) => {
    const file = path.relative(path.dirname(root), document.source.absoluteRef);
    const inFile = pointer.replace(/\/\$ref$/, "");
    return inFile === "#" ? file : `${file}${inFile}`;
  };
  const { document, pointer } = cycle[0];
  let line;
  let col;
  try {
    ({ line, col } = getLineColLocation({ source: document.source, pointer, reportOnKey: true }).start);
  } catch {
    // keep the file without a line
  }
  const names = [...cycle, cycle[0]].map(name).join(" → ");
  return new PipelineError({ file: document.source.absoluteRef, line, col, rule: "circular-ref", message: `a $ref that leads back to itself: ${names}` });
}

/**
 * The first key or string of the bundle, depth first in key order, of which `hit(text, isKey)`
 * returns something: `{ pointer, hit }` (its JSON Pointer and what `hit` returned), or undefined.
 */
function firstInBundle(doc, hit) {
  const find = (node, pointer) => {
    if (typeof node === "string") {
      const found = hit(node, false);
      return found === undefined ? undefined : { pointer, hit: found };
    }
    if (node === null || typeof node !== "object") return undefined;
    for (const [key, value] of Object.entries(node)) {
      const here = `${pointer}/${escapePointer(key)}`;
      const found = hit(key, true);
      if (found !== undefined) return { pointer: here, hit: found };
      const inside = find(value, here);
      if (inside !== undefined) return inside;
    }
    return undefined;
  };
  return find(doc, "");
}

/**
 * A key named `__proto__` anywhere in the bundle (a property name is refused earlier, by lint's
 * puffle/supported-shape): validators.js and meta.js write the spec's objects as literals, where
 * `"__proto__": x` sets the object's prototype instead of making a member, so the generated code
 * would not say what the spec says. Located at the first one.
 */
async function protoKeyError(doc, root) {
  const { locate } = await import("./locate.mjs");
  const pointer = firstInBundle(doc, (text, isKey) => (isKey && text === "__proto__" ? true : undefined))?.pointer ?? "";
  return new PipelineError({ ...locate(root, pointer), rule: "puffle/proto-key", message: "a key named __proto__ is not supported: the generated JavaScript writes objects as literals, where \"__proto__\": sets the prototype instead of a member" });
}

/**
 * Characters spec text may not hold (src/unsafe-text.ts's, less tab and line breaks and the
 * bidirectional marks): control characters, which the CLI's --help would send to the terminal as
 * they are (descriptions, summaries, enum values); the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which reorder what a reader of the spec or of generated/
 * sees (Trojan Source); U+2028 and U+2029. The marks (LRM U+200E, RLM U+200F, ALM U+061C) reorder
 * nothing: Hebrew or Arabic text uses them to display mixed-direction text right (UTS #55).
 */
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
/**
 * What such a character looks like in JSON.stringify's text (C0 as an escape after an odd number of
 * backslashes, the rest as it is): ~50 ms on GitHub's 40 MB, which has none; the walk confirms.
 */
const MAYBE_UNSAFE_IN_JSON = /(?<!\\)(?:\\\\)*\\(?:u00[01][0-9a-f]|[bf])|[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

/** A PipelineError at the first string (or key) of the bundle holding an UNSAFE_TEXT character, or undefined. */
async function unsafeTextError(doc, root) {
  const found = firstInBundle(doc, (text) => UNSAFE_TEXT.exec(text)?.[0]);
  if (found === undefined) return undefined;
  const { locate } = await import("./locate.mjs");
  const code = `U+${found.hit.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return new PipelineError({ ...locate(root, found.pointer), rule: "puffle/unsafe-text", message: `${code} (a control character, a bidirectional embedding, override or isolate, or a line separator) is not allowed in spec text: the CLI's --help and generated/ show the text as it is, to a terminal or a reader` });
}

const stepLine = (name, ms) => `✔ ${name.padEnd(11)} ${ms.toFixed(0).padStart(5)} ms`;

const since = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function timed(log, name, fn) {
  const start = process.hrtime.bigint();
  const result = await fn();
  log?.(stepLine(name, since(start)));
  return result;
}

/** This thread's mark on the shared claim on openapi.yaml (typesStep; the worker's is 1). */
const MAIN_THREAD = 2;

/** The error a worker posted, thrown as what it was (a PipelineError keeps its file, line and rule). */
function rethrow(error) {
  if (error.name === "PipelineError") throw new PipelineError(error);
  throw Object.assign(new Error(error.message), { stack: error.stack });
}

/**
 * The types step, on a worker thread started before anything else so that openapi-typescript (and
 * TypeScript) load on the second core while this thread loads Redocly, lints and bundles; the
 * document goes over once bundled, and the types are built while this thread builds the
 * validators and meta. openapi.yaml is written by whichever thread is free first, and only by
 * that one: each claims it through a shared Int32 (compare-and-exchange from 0), the worker once
 * its types are done, this thread once it is done with meta (types-worker.mjs). On GitHub's spec
 * the worker's types end seconds before the validators step does; on ours the validators step ends
 * first. PUFFLE_GENERATE_THREADS=0 runs everything in this thread instead (same output).
 *   build(doc) → { text, ms }: the types; yaml(doc) → { text, ms, thread }: openapi.yaml, once meta
 *   is done, and which thread wrote it ("worker" or "main"). Exported for its tests.
 */
export function typesStep() {
  const inProcessYaml = async (doc) => {
    const { bundledYaml } = await import("./spec-yaml.mjs");
    const start = process.hrtime.bigint();
    return { text: bundledYaml(doc, header), ms: since(start), thread: "main" };
  };
  if (process.env.PUFFLE_GENERATE_THREADS === "0") {
    return {
      async build(doc) {
        const { buildTypes } = await import("./types.mjs");
        const start = process.hrtime.bigint();
        const text = await buildTypes(doc, { header });
        return { text, ms: since(start) };
      },
      yaml: inProcessYaml,
      stop() {},
    };
  }
  const worker = new Worker(new URL("./types-worker.mjs", import.meta.url));
  const yamlClaim = new Int32Array(new SharedArrayBuffer(4)); // 0 unclaimed, 1 the worker's (types-worker.mjs), MAIN_THREAD this thread's
  let settle;
  let settleYaml;
  const result = new Promise((resolve, reject) => (settle = { resolve, reject }));
  const yamlResult = new Promise((resolve, reject) => (settleYaml = { resolve, reject }));
  worker.on("message", (message) => {
    if (message.ready) return;
    if (message.yaml) settleYaml.resolve(message.yaml);
    else settle.resolve(message);
  });
  for (const { reject } of [settle, settleYaml]) {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the types worker exited with code ${code}`)));
  }
  result.catch(() => {}); // awaited only once the document is sent
  yamlResult.catch(() => {}); // awaited only when the worker wrote it
  return {
    async build(doc) {
      worker.postMessage({ doc, notice: NOTICE, yamlClaim });
      const { text, ms, error } = await result;
      if (error) rethrow(error);
      return { text, ms };
    },
    async yaml(doc) {
      if (Atomics.compareExchange(yamlClaim, 0, 0, MAIN_THREAD) === 0) return inProcessYaml(doc);
      const { text, ms, error } = await yamlResult;
      if (error) rethrow(error);
      return { text, ms, thread: "worker" };
    },
    stop() {
      worker.terminate();
    },
  };
}

/**
 * @param {{ spec: string, config: string, log?: (line: string) => void, lintProblems?: "fail" | "count" }} options
 *   lintProblems: "fail" (the default; what `npm run generate` does) stops at lint's first problem;
 *   "count" logs how many there were and goes on — for the benchmark, which runs the pipeline on
 *   specs our lint rules would stop (GitHub's, with Redocly's minimal rules).
 * @returns {Promise<Map<string, string>>} file name (relative to generated/) → contents
 */
export async function runPipeline({ spec, config: configPath, log, lintProblems = "fail" }) {
  if (lintProblems !== "fail" && lintProblems !== "count") throw new TypeError(`runPipeline: lintProblems must be "fail" or "count", not ${JSON.stringify(lintProblems)}`);
  const root = path.resolve(spec);
  if (!fs.existsSync(root)) throw new PipelineError({ file: root, rule: "puffle/spec", message: "spec file not found" });
  const types = typesStep();
  try {
    return await steps(root, configPath, log, lintProblems, types, await loadSteps());
  } finally {
    types.stop();
  }
}

async function steps(root, configPath, log, lintProblems, types, { redocly, specResolver, buildValidators, buildMeta, buildExamples }) {
  const { lint, bundle, getLineColLocation } = redocly;
  const config = await lintConfigFile(redocly, configPath);
  // One resolver for lint and bundle: it keeps each file it read and parsed, so the bundle reuses
  // what lint loaded instead of reading and parsing every file again (lint only reads the documents).
  // It reads only files inside the spec's folder, and fetches nothing (lib/spec-resolver.mjs).
  const externalRefResolver = specResolver(config.resolve, root);

  let counted = 0;
  await timed(log, "lint", async () => {
    let problems;
    const circular = watchCircularRejections();
    let cycle = false;
    try {
      problems = await lint({ ref: root, config, externalRefResolver });
    } catch (err) {
      cycle = err?.message === CIRCULAR;
      if (cycle) throw await refCycleError(externalRefResolver, root, getLineColLocation, err.message);
      // Redocly's YamlParseError has line and col (1-based) and its message ends with them; js-yaml's own has a 0-based mark.
      const line = typeof err.line === "number" ? err.line : err.mark?.line != null ? err.mark.line + 1 : undefined;
      const col = typeof err.line === "number" ? err.col : err.mark?.column != null ? err.mark.column + 1 : undefined;
      let message = (err.reason ?? err.message).replace(/ in "[^"]*" \(\d+:\d+\)$/, "");
      // A root file that is empty or not a mapping: Redocly's "Document must be JSON object, got …".
      const notMapping = line === undefined && /^Document must be JSON object, got /.test(message);
      if (notMapping) message = `the root file must be a mapping (openapi, info, paths, …), got ${await rootKind(root)}`;
      throw new PipelineError({ file: err.source?.absoluteRef ?? root, line: notMapping ? 1 : line, col: notMapping ? 1 : col, rule: "yaml", message });
    } finally {
      // Every way out of lint ends the watch (a YAML error too: its listeners were left installed).
      circular.stop(cycle || circular.seen);
    }
    if (circular.seen) throw await refCycleError(externalRefResolver, root, getLineColLocation, CIRCULAR);
    // A file that is not UTF-8 first: its replacement characters may be what lint complains of.
    await checkEncoding(externalRefResolver);
    if (problems.length > 0 && lintProblems === "count") {
      counted = problems.length;
    } else if (problems.length > 0) {
      const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
      throw problemToError(sorted[0], problems.length - 1, getLineColLocation);
    }
  });

  if (counted > 0) log?.(`  lint: ${counted} problem${counted === 1 ? "" : "s"} counted, not failed on (lintProblems: "count")`);

  const doc = await timed(log, "bundle", async () => {
    const result = await bundle({ ref: root, config, externalRefResolver });
    if (result.problems.length > 0) throw problemToError(result.problems[0], result.problems.length - 1, getLineColLocation);
    return canonicalize({ "x-generated": NOTICE, ...result.bundle.parsed });
  });

  // types (worker thread) runs while validators and meta run here: their lines come after both;
  // then openapi.yaml, on whichever thread is free first (typesStep).
  const typed = types.build(doc);
  typed.catch(() => {}); // a validators error is the one reported when both fail
  const files = new Map();
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (json.includes('"__proto__":')) throw await protoKeyError(doc, root);
  if (MAYBE_UNSAFE_IN_JSON.test(json)) {
    const error = await unsafeTextError(doc, root);
    if (error) throw error;
  }
  files.set("openapi.json", json);
  const lines = [];
  await timed((line) => lines.push(line), "validators", () => {
    const { js, dts } = buildValidators(doc, { root, header });
    files.set("validators.js", js);
    files.set("validators.d.ts", dts);
  });
  await timed((line) => lines.push(line), "meta", () => {
    const { js, dts } = buildMeta(doc, { root, header });
    files.set("meta.js", js);
    files.set("meta.d.ts", dts);
    files.set("examples.ts", buildExamples(doc, { header }));
  });
  const yaml = await types.yaml(doc);
  const { text, ms } = await typed;
  files.set("schema.d.ts", text);
  files.set("openapi.yaml", yaml.text);
  log?.(stepLine("types", ms));
  log?.(stepLine("yaml", yaml.ms));
  for (const line of lines) log?.(line);
  files.set("README.md", readme());
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function readme() {
  return `<!-- ${NOTICE} -->
# generated/

Everything here is produced by \`npm run generate\` from \`openapi/\` and committed. Never edit it by
hand: \`npm test\` runs \`npm run generate:check\`, which fails when these files differ from a fresh run.

| file | what it is | made by |
| --- | --- | --- |
| \`openapi.yaml\`, \`openapi.json\` | the bundled spec, one file, stable key order | Redocly bundle |
| \`schema.d.ts\` | TypeScript types of every path, operation and component | openapi-typescript |
| \`validators.js\`, \`validators.d.ts\` | precompiled JSON Schema 2020-12 validators, self-contained ESM | AJV standalone |
| \`meta.js\`, \`meta.d.ts\` | server URL, version, and per operation its method, path, statuses, path parameters (with their example values), request fields, the required ones (\`requiredFields\`, only when some are) and \`x-puffle-behaviour\` (\`operations\`); \`routes\`, per operation only its method, path, idempotence and path parameters' example values (what the client reads) | scripts/lib/meta.mjs |
| \`examples.ts\` | every example of the spec, each \`satisfies\` its generated type | scripts/lib/examples.mjs |
`;
}
