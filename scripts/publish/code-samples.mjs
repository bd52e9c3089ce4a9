// Code samples (`x-codeSamples`) for every operation of the bundled spec, generated from the spec's
// own examples: the operation's path, method and server URL, the path parameter example that
// belongs to the operation's documented 200 response, and the operation's `docs` request example.
//
// Used by scripts/docs.mjs (decorates a copy of the bundle for `redocly build-docs`) and by the
// tests in test/publish/, which run each sample (curl, the `puffle` CLI, the TypeScript client)
// against the reference server with the server URL swapped for a loopback one.

import { HTTP_METHODS } from "../lib/spec.mjs";

/**
 * What an operation the samples cannot be made for lacks is followed by this: each sample is
 * written for the shape of the two update operations (`curl -X PATCH … -d`, `puffle <noun> update`,
 * `puffle.<operationId>(id, body)`), so another one needs its own written here.
 */
const SHAPE = "the samples (curl, the puffle CLI, the TypeScript client) are written for a PATCH with the path id, a JSON request body and a 200 record: write the new operation's in scripts/publish/code-samples.mjs (openapi/README.md, \"What the code supports\")";

/** An operation as the messages name it: `updateThread (PATCH /api/threads/{id})`. */
const named = (op) => `${typeof op.operation.operationId === "string" ? op.operation.operationId : "(no operationId)"} (${op.method.toUpperCase()} ${op.path})`;

/** The operation's parameters (the path item's, then its own), resolved. */
const parametersOf = (spec, op) => [...(op.pathItem.parameters ?? []), ...(op.operation.parameters ?? [])].map((p) => deref(spec, p));

/**
 * Why the samples cannot be made for `op` (its method, parameters, request body or
 * 200 response), or undefined. Each sample fills the path's one `{…}` with the id and sends nothing
 * else but the body: a second path parameter was left `{mid}` in the curl URL and a required query
 * or header parameter was not sent, without a word.
 */
function shapeProblem(spec, op) {
  if (op.method !== "patch") return `it is ${op.method.toUpperCase()}`;
  const params = parametersOf(spec, op);
  const inPath = params.filter((p) => p?.in === "path").map((p) => p.name);
  if (inPath.length === 0) return "it has no path parameter";
  if (inPath.length > 1) return `it has ${inPath.length} path parameters (${inPath.join(", ")}), the samples fill one`;
  const other = params.find((p) => p?.in !== "path" && p?.required === true);
  if (other !== undefined) return `it has a required ${other.in} parameter ${other.name}, the samples send none`;
  if (deref(spec, op.operation.requestBody ?? {}).content?.["application/json"] === undefined) return "it has no application/json request body";
  if (deref(spec, op.operation.responses?.["200"] ?? {}).content?.["application/json"]?.schema === undefined) return "it has no application/json 200 response";
  return undefined;
}
/** Where the spec lacks what a sample is made from: `what` is added in openapi/. */
const EXAMPLE_WHERE = "the samples are made from the spec's examples: add one in openapi/";

/** The request example a sample shows: `docs` (the public docs' own example) when present. */
const SAMPLE_EXAMPLE = "docs";

/** Resolves a local `$ref` (`#/components/...`) in the bundled spec. */
export function deref(spec, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    if (!current.$ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((acc, key) => (acc == null ? undefined : acc[key]), spec);
    if (current === undefined) throw new Error(`unresolved $ref ${[...seen].pop()}`);
  }
  return current;
}

/** Every operation: `{ path, method, operation }`, in spec order. */
export function operationsOf(spec) {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      if (item[method]) out.push({ path, method, operation: item[method], pathItem: item });
    }
  }
  return out;
}

/** `--unread-count` for `unread_count`: the CLI's options are the kebab-case of the request fields. */
function cliOption(field) {
  return `--${field.replace(/_/g, "-")}`;
}

/** POSIX shell quoting: bare when safe, else single quotes. */
export function shellQuote(value) {
  const s = String(value);
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function pathParamExample(spec, op) {
  const idParam = parametersOf(spec, op).find((p) => p?.in === "path");
  const examples = Object.entries(idParam.examples ?? {}).map(([name, ex]) => [name, deref(spec, ex).value]);
  if (examples.length === 0) throw new Error(`${named(op)}: path parameter ${idParam.name} has no examples; ${EXAMPLE_WHERE} (the parameter's examples)`);
  // The id the documented 200 response returns is the one the sample updates.
  const ok = deref(spec, op.operation.responses?.["200"] ?? {});
  const okExamples = Object.values(ok.content?.["application/json"]?.examples ?? {}).map((e) => deref(spec, e).value);
  const returnedIds = new Set(okExamples.flatMap((v) => Object.values(v ?? {}).map((rec) => rec?.id)).filter(Boolean));
  const match = examples.find(([, value]) => returnedIds.has(value)) ?? examples[0];
  return { name: idParam.name, exampleName: match[0], value: match[1] };
}

function requestExample(spec, op) {
  const media = deref(spec, op.operation.requestBody ?? {}).content?.["application/json"];
  const examples = media.examples ?? {};
  const name = Object.hasOwn(examples, SAMPLE_EXAMPLE) ? SAMPLE_EXAMPLE : Object.keys(examples)[0];
  if (name === undefined) throw new Error(`${named(op)}: its application/json request body has no examples; ${EXAMPLE_WHERE} (the request body's examples, \`${SAMPLE_EXAMPLE}\` first)`);
  const value = deref(spec, examples[name]).value;
  // The CLI sample gives each member as an option (--<name>): an array gave `--0 1 --1 2`.
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`${named(op)}: its request example ${name} is ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}, not an object; ${SHAPE}`);
  }
  return { exampleName: name, value };
}

/** The noun of the CLI command: `conversation` for `/api/conversations/{id}`. */
function cliResource(path) {
  const segment = path.split("/").filter((s) => s && !s.startsWith("{")).pop();
  return segment.replace(/s$/, "");
}

function curlSample({ serverUrl, path, method, id, body }) {
  const url = `${serverUrl}${path.replace(/\{[^}]+\}/, id)}`;
  return [
    `curl -sS -X ${method.toUpperCase()} ${shellQuote(url)} \\`,
    `  -H "Authorization: Bearer $PUFFLE_API_KEY" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(JSON.stringify(body))}`,
  ].join("\n");
}

// Every word from the spec is quoted (bare when safe, as today's names are): a field name or a path
// segment is the spec's to choose, and the reader runs the sample as shown.
/** Words that cannot name a `const` in a module (ECMAScript's reserved words, strict mode's and `await`), or that TypeScript gives a meaning there. */
const RESERVED_WORDS = new Set(["await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in", "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "arguments", "eval"]);

function cliSample({ path, id, body }) {
  const args = [`puffle ${shellQuote(cliResource(path))} update --id ${shellQuote(id)}`];
  for (const [field, value] of Object.entries(body)) {
    if (value === null) args.push(shellQuote(`--clear-${field.replace(/_/g, "-")}`));
    else if (typeof value === "object") args.push(`${shellQuote(cliOption(field))} ${shellQuote(JSON.stringify(value))}`);
    else args.push(`${shellQuote(cliOption(field))} ${shellQuote(value)}`);
  }
  return `# PUFFLE_API_KEY holds your token.\n${args.join(" \\\n  ")}`;
}

function tsSample({ serverUrl, operationId, member, id, body }) {
  const literal = JSON.stringify(body, null, 2).replace(/\n/g, "\n");
  return [
    `import { createPuffleClient } from "puffle-api";`,
    ``,
    `const puffle = createPuffleClient({`,
    `  baseUrl: ${JSON.stringify(serverUrl)},`,
    `  apiKey: process.env.PUFFLE_API_KEY,`,
    `});`,
    ``,
    `const ${member} = await puffle.${operationId}(${JSON.stringify(id)}, ${literal});`,
    `console.log(${member}.id, ${member}.status);`,
  ].join("\n");
}

/**
 * The samples of every operation: `{ operationId, path, method, id, body, exampleName, member,
 * samples: [{ lang, label, source }] }`. `member` is the response's wrapping property
 * (`conversation`, `thread`).
 */
export function buildCodeSamples(spec) {
  const serverUrl = spec.servers?.[0]?.url;
  if (!serverUrl) throw new Error("spec has no servers[0].url");
  return operationsOf(spec).map((op) => {
    const { operationId } = op.operation;
    if (typeof operationId !== "string") throw new Error(`${named(op)}: it has no operationId; give it one in openapi/ (the TypeScript sample calls the client's method of that name)`);
    const problem = shapeProblem(spec, op);
    if (problem !== undefined) throw new Error(`${named(op)}: ${problem}; ${SHAPE}`);
    const id = pathParamExample(spec, op).value;
    const { exampleName, value: body } = requestExample(spec, op);
    const ok = deref(spec, op.operation.responses["200"]);
    const okSchema = deref(spec, ok.content["application/json"].schema);
    const member = (okSchema.required ?? Object.keys(okSchema.properties ?? {}))[0];
    // The TypeScript sample declares `const <member>`: only a plain identifier, not a reserved word, is written there.
    if (typeof member !== "string" || !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(member) || RESERVED_WORDS.has(member)) {
      const what = member === undefined ? "the 200 response's schema names no member (required or properties; the TypeScript sample names its variable after the first)" : `the 200 response's member ${JSON.stringify(member)} is not a JavaScript identifier that can name a variable (the TypeScript sample names its variable after it)`;
      throw new Error(`${named(op)}: ${what}; ${SHAPE}`);
    }
    const ctx = { serverUrl, path: op.path, method: op.method, operationId, member, id, body };
    return {
      operationId,
      path: op.path,
      method: op.method,
      id,
      body,
      exampleName,
      member,
      serverUrl,
      samples: [
        { lang: "curl", label: "curl", source: curlSample(ctx) },
        { lang: "Shell", label: "puffle CLI", source: cliSample(ctx) },
        { lang: "TypeScript", label: "TypeScript client", source: tsSample(ctx) },
      ],
    };
  });
}

/** A deep copy of the bundle with `x-codeSamples` on every operation (the input is not touched). */
export function decorateWithCodeSamples(spec) {
  const copy = structuredClone(spec);
  delete copy["x-generated"];
  const byId = new Map(buildCodeSamples(copy).map((s) => [s.operationId, s]));
  for (const op of operationsOf(copy)) {
    const entry = byId.get(op.operation.operationId);
    op.operation["x-codeSamples"] = entry.samples;
    // Redoc shows the first example: make it the one the samples were made from (request) and the
    // docs' own one (200 response). The bundle keeps the source's order of named examples, which
    // lists `docs` first already; this holds whatever that order.
    const media = [deref(copy, op.operation.requestBody), deref(copy, op.operation.responses["200"])].map((m) => m.content["application/json"]);
    for (const m of media) {
      if (m.examples && Object.hasOwn(m.examples, entry.exampleName)) {
        const { [entry.exampleName]: first, ...rest } = m.examples;
        m.examples = { [entry.exampleName]: first, ...rest };
      }
    }
  }
  return copy;
}
