// Scenario 2b — size: each contender bundled with its runtime imports by esbuild (ESM, minified,
// tree-shaken, for the browser), then gzipped (level 9). Validators: ours is the `puffle-api/validators` entry
// (generated/validators.js inside), imported as the four body validators (like for like) and as
// the generic functions (every operation); a peer is its library plus the four schemas of scenario 1 —
// the JSON Schema peers get those schemas inlined as JSON, not the whole spec. Clients, in two
// tables of equivalents: without validation, ours is what an app that imports createPuffleClient
// loads up front (esbuild code splitting: the validators are a separate chunk, loaded only when
// `validate` is set or an error body is read), against openapi-fetch alone, ky, axios and the
// clients @hey-api/openapi-ts and orval generate from our spec (lib/generated-clients.mjs; only
// the two operations kept); with validation, ours with that chunk too, against openapi-fetch plus
// each validator peer. Licence comments (`/*! … */`, `@license`) are extracted from every
// contender's code alike (esbuild `legalComments: "external"`, as webpack's terser extracts them to
// a LICENSE.txt): the sizes are of code; the extracted comments are sized on their own (`legal`).
// Prints one JSON document.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { jsonSchema } from "../lib/peers/json-schema.mjs";
import { targets } from "../lib/peers/common.mjs";
import { buildGeneratedClients } from "../lib/generated-clients.mjs";

const benchDir = fileURLToPath(new URL("..", import.meta.url));
const repo = fileURLToPath(new URL("../../..", import.meta.url));
const rootModules = `${repo}/node_modules`;
const schemasJson = JSON.stringify(Object.fromEntries(Object.entries(targets).map(([k, name]) => [k, jsonSchema(name)])));

const jsonPeer = (importLine, compile) => `${importLine}\nimport { targets } from "./lib/peers/common.mjs";\nconst schemas = ${schemasJson};\nexport const peer = Object.fromEntries(Object.keys(targets).map((k) => [k, ${compile}]));`;

// Ours twice: like for like with a peer's four schemas, the four body validators (the goal's row);
// and the generic functions, which reach every operation, documented status and request field.
const OURS_FOUR = "puffle-api/validators: the four body validators (validateUpdate…Request, validateUpdate…Response)";
const OURS_GENERIC = "puffle-api/validators: the generic functions (validateRequestBody, validateResponseBody, validatePathParams, normalizeRequestBody)";
const validators = {
  [OURS_FOUR]: `export { validateUpdateConversationRequest, validateUpdateThreadRequest, validateUpdateConversationResponse, validateUpdateThreadResponse } from ${JSON.stringify(`${repo}/dist/validators.js`)};`,
  [OURS_GENERIC]: `export { validateRequestBody, validateResponseBody, validatePathParams, normalizeRequestBody } from ${JSON.stringify(`${repo}/dist/validators.js`)};`,
  "ajv (Ajv2020 + ajv-formats + compile)": jsonPeer(`import Ajv2020 from "ajv/dist/2020.js";\nimport addFormats from "ajv-formats";\nconst ajv = new Ajv2020({ allErrors: true });\naddFormats(ajv);`, "ajv.compile(schemas[k])"),
  "@exodus/schemasafe": jsonPeer(`import { validator } from "@exodus/schemasafe";\nimport { formats } from "./lib/peers/common.mjs";`, "validator(schemas[k], { formats, includeErrors: true, allErrors: true })"),
  "@cfworker/json-schema": jsonPeer(`import { Validator } from "@cfworker/json-schema";`, `new Validator(schemas[k], "2020-12", false)`),
  "@sinclair/typebox (compiler)": `export { typeboxPeer } from "./lib/peers/typebox.mjs";`,
  "zod 4": `export { zodPeer } from "./lib/peers/zod.mjs";`,
  valibot: `export { valibotPeer } from "./lib/peers/valibot.mjs";`,
  arktype: `export { arktypePeer } from "./lib/peers/arktype.mjs";`,
};

const openapiFetch = `import createClient from ${JSON.stringify(`${rootModules}/openapi-fetch/dist/index.mjs`)};`;
const generated = await buildGeneratedClients();
const ours = `export { createPuffleClient } from ${JSON.stringify(`${repo}/dist/client.js`)};`;
const clients = {
  "puffle-api client, loaded up front (validators not loaded)": ours,
  "openapi-fetch alone": `${openapiFetch}\nexport { createClient };`,
  ky: `export { default } from "ky";`,
  "axios": `export { default } from "axios";`,
};
const failures = {};
if (generated.modules.heyApi) clients["@hey-api/openapi-ts generated client (client-fetch)"] = `export { client, updateThread, updateConversation } from ${JSON.stringify(generated.modules.heyApi)};`;
else failures["@hey-api/openapi-ts generated client (client-fetch)"] = generated.failures.heyApi;
if (generated.modules.orval) clients["orval generated client (fetch)"] = `export { updateThread, updateConversation } from ${JSON.stringify(generated.modules.orval)};`;
else failures["orval generated client (fetch)"] = generated.failures.orval;
const validatedClients = {
  "puffle-api client with its validators (validate on)": ours,
  "openapi-fetch + TypeBox": `${openapiFetch}\nexport { createClient };\nexport { typeboxPeer } from "./lib/peers/typebox.mjs";`,
  "openapi-fetch + zod 4": `${openapiFetch}\nexport { createClient };\nexport { zodPeer } from "./lib/peers/zod.mjs";`,
  "openapi-fetch + valibot": `${openapiFetch}\nexport { createClient };\nexport { valibotPeer } from "./lib/peers/valibot.mjs";`,
  "openapi-fetch + ajv": `${openapiFetch}\nexport { createClient };\n${validators["ajv (Ajv2020 + ajv-formats + compile)"]}`,
};

/**
 * Bundles `contents` (code splitting on) and sizes what loads: `upFront` is the entry and the chunks
 * it imports statically; `all` adds every chunk it can import dynamically.
 */
async function sizeOf(contents) {
  const result = await build({
    stdin: { contents, resolveDir: benchDir, loader: "js", sourcefile: "entry.js" },
    bundle: true, minify: true, format: "esm", platform: "browser", splitting: true, outdir: "/virtual-out",
    write: false, logLevel: "silent", treeShaking: true, metafile: true, legalComments: "external",
    nodePaths: [`${benchDir}/node_modules`, rootModules],
  });
  const files = new Map(result.outputFiles.map((f) => [path.relative("/virtual-out", f.path), f.contents]));
  const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([k, v]) => [path.relative("/virtual-out", path.resolve(process.cwd(), k)), v]));
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined) ?? [...files.keys()].find((f) => f.endsWith(".js"));
  const closure = (start, kinds) => {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length) {
      for (const imp of outputs[queue.shift()]?.imports ?? []) {
        const name = path.relative("/virtual-out", path.resolve(process.cwd(), imp.path));
        if (kinds.includes(imp.kind) && files.has(name) && !seen.has(name)) {
          seen.add(name);
          queue.push(name);
        }
      }
    }
    return [...seen];
  };
  // esbuild writes each chunk's extracted licence comments beside it, as `<chunk>.LEGAL.txt`.
  const legalOf = (names) => names.map((f) => files.get(`${f}.LEGAL.txt`)).filter((text) => text !== undefined);
  const measure = (names) => ({
    minified: names.reduce((n, f) => n + files.get(f).length, 0),
    gzip: names.reduce((n, f) => n + gzipSync(files.get(f), { level: 9 }).length, 0),
    legal: legalOf(names).reduce((n, text) => n + gzipSync(text, { level: 9 }).length, 0),
    files: names.length,
  });
  return { upFront: measure(closure(entry, ["import-statement"])), all: measure(closure(entry, ["import-statement", "dynamic-import"])) };
}

const out = { validators: {}, clients: {}, validatedClients: {}, failures };
for (const [name, contents] of Object.entries(validators)) out.validators[name] = (await sizeOf(contents)).all;
for (const [name, contents] of Object.entries(clients)) out.clients[name] = (await sizeOf(contents)).upFront;
for (const [name, contents] of Object.entries(validatedClients)) out.validatedClients[name] = (await sizeOf(contents)).all;
process.stdout.write(JSON.stringify({ scenario: "size", ...out }));
