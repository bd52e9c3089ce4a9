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

/** The modules the steps need, loaded once the types worker has started. */
async function loadSteps() {
  const [redocly, yaml, { buildValidators }, { buildMeta }, { buildExamples }, { installLinearNames }] = await Promise.all([
    import("@redocly/openapi-core"),
    import("yaml"),
    import("./validators.mjs"),
    import("./meta.mjs"),
    import("./examples.mjs"),
    import("./codegen-names.mjs"),
  ]);
  // Redocly's lint compiles the spec's schemas (to check its examples) with its fork of AJV, whose
  // code generator is AJV's: the same linear name counts as the validators step's (same code).
  installLinearNames("@redocly/ajv", import.meta.resolve("@redocly/openapi-core"));
  return { redocly, yamlStringify: yaml.stringify, buildValidators, buildMeta, buildExamples };
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
  const more = extra > 0 ? ` (and ${extra} more problem${extra === 1 ? "" : "s"}: run \`npm run lint:openapi\`)` : "";
  return new PipelineError({ file, line, col, rule, message: `${problem.message}${more}` });
}

const stepLine = (name, ms) => `✔ ${name.padEnd(11)} ${ms.toFixed(0).padStart(5)} ms`;

async function timed(log, name, fn) {
  const start = process.hrtime.bigint();
  const result = await fn();
  log?.(stepLine(name, Number(process.hrtime.bigint() - start) / 1e6));
  return result;
}

/**
 * The types step, on a worker thread started before anything else so that openapi-typescript (and
 * TypeScript) load on the second core while this thread loads Redocly, lints and bundles; the
 * document goes over once bundled, and the types are built while this thread builds the
 * validators. PUFFLE_GENERATE_THREADS=0 runs it in this thread instead (same output).
 */
function typesStep() {
  if (process.env.PUFFLE_GENERATE_THREADS === "0") {
    return {
      async build(doc) {
        const { buildTypes } = await import("./types.mjs");
        const start = process.hrtime.bigint();
        const text = await buildTypes(doc, { header });
        return { text, ms: Number(process.hrtime.bigint() - start) / 1e6 };
      },
      stop() {},
    };
  }
  const worker = new Worker(new URL("./types-worker.mjs", import.meta.url));
  const result = new Promise((resolve, reject) => {
    worker.on("message", (message) => {
      if (!message.ready) resolve(message);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the types worker exited with code ${code}`)));
  });
  result.catch(() => {}); // awaited only once the document is sent
  return {
    async build(doc) {
      worker.postMessage({ doc, notice: NOTICE });
      const { text, ms, error } = await result;
      if (error) {
        if (error.name === "PipelineError") throw new PipelineError(error);
        throw Object.assign(new Error(error.message), { stack: error.stack });
      }
      return { text, ms };
    },
    stop() {
      worker.terminate();
    },
  };
}

/**
 * @param {{ spec: string, config: string, log?: (line: string) => void }} options
 * @returns {Promise<Map<string, string>>} file name (relative to generated/) → contents
 */
export async function runPipeline({ spec, config: configPath, log }) {
  const root = path.resolve(spec);
  if (!fs.existsSync(root)) throw new PipelineError({ file: root, rule: "puffle/spec", message: "spec file not found" });
  const types = typesStep();
  try {
    return await steps(root, configPath, log, types, await loadSteps());
  } finally {
    types.stop();
  }
}

async function steps(root, configPath, log, types, { redocly, yamlStringify, buildValidators, buildMeta, buildExamples }) {
  const { BaseResolver, loadConfig, lint, bundle, getLineColLocation } = redocly;
  const config = await loadConfig({ configPath: path.resolve(configPath) });
  // One resolver for lint and bundle: it keeps each file it read and parsed, so the bundle reuses
  // what lint loaded instead of reading and parsing every file again (lint only reads the documents).
  const externalRefResolver = new BaseResolver(config.resolve);

  await timed(log, "lint", async () => {
    let problems;
    try {
      problems = await lint({ ref: root, config, externalRefResolver });
    } catch (err) {
      throw new PipelineError({ file: err.source?.absoluteRef ?? root, line: err.mark?.line != null ? err.mark.line + 1 : undefined, rule: "yaml", message: err.reason ?? err.message });
    }
    if (problems.length > 0) {
      const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
      throw problemToError(sorted[0], problems.length - 1, getLineColLocation);
    }
  });

  const doc = await timed(log, "bundle", async () => {
    const result = await bundle({ ref: root, config, externalRefResolver });
    if (result.problems.length > 0) throw problemToError(result.problems[0], result.problems.length - 1, getLineColLocation);
    return canonicalize({ "x-generated": NOTICE, ...result.bundle.parsed });
  });

  const files = new Map();
  files.set("openapi.json", `${JSON.stringify(doc, null, 2)}\n`);
  files.set("openapi.yaml", `${header("#")}\n${yamlStringify(doc, { version: "1.1", lineWidth: 0, aliasDuplicateObjects: false })}`);

  // types (worker thread) runs while validators and meta run here: their lines come after both.
  const typed = types.build(doc);
  typed.catch(() => {}); // a validators error is the one reported when both fail
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
  const { text, ms } = await typed;
  files.set("schema.d.ts", text);
  log?.(stepLine("types", ms));
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
| \`meta.js\`, \`meta.d.ts\` | server URL, version, and per operation its method, path, statuses, request fields and \`x-puffle-behaviour\` (\`operations\`); \`routes\`, per operation only its method, path and idempotence (what the client reads) | scripts/lib/meta.mjs |
| \`examples.ts\` | every example of the spec, each \`satisfies\` its generated type | scripts/lib/examples.mjs |
`;
}
