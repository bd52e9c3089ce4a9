// Scenario 2b — size: each contender bundled with its runtime imports by esbuild (ESM, minified,
// tree-shaken, for the browser), then gzipped (level 9). Validators: ours is the `puffle-api/validators` entry
// (generated/validators.js inside); a peer is its library plus the four schemas of scenario 1 —
// the JSON Schema peers get those schemas inlined as JSON, not the whole spec. Clients: ours is
// createPuffleClient (openapi-fetch, meta and the validators inside); peers are openapi-fetch
// alone, openapi-fetch plus each validator peer, ky and axios. Prints one JSON document.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { jsonSchema } from "../lib/peers/json-schema.mjs";
import { targets } from "../lib/peers/common.mjs";

const benchDir = fileURLToPath(new URL("..", import.meta.url));
const repo = fileURLToPath(new URL("../../..", import.meta.url));
const rootModules = `${repo}/node_modules`;
const schemasJson = JSON.stringify(Object.fromEntries(Object.entries(targets).map(([k, name]) => [k, jsonSchema(name)])));

const jsonPeer = (importLine, compile) => `${importLine}\nimport { targets } from "./lib/peers/common.mjs";\nconst schemas = ${schemasJson};\nexport const peer = Object.fromEntries(Object.keys(targets).map((k) => [k, ${compile}]));`;

const validators = {
  "puffle-api/validators": `export { validateRequestBody, validateResponseBody, validatePathParams, normalizeRequestBody } from ${JSON.stringify(`${repo}/dist/validators.js`)};`,
  "ajv (Ajv2020 + ajv-formats + compile)": jsonPeer(`import Ajv2020 from "ajv/dist/2020.js";\nimport addFormats from "ajv-formats";\nconst ajv = new Ajv2020({ allErrors: true });\naddFormats(ajv);`, "ajv.compile(schemas[k])"),
  "@exodus/schemasafe": jsonPeer(`import { validator } from "@exodus/schemasafe";\nimport { formats } from "./lib/peers/common.mjs";`, "validator(schemas[k], { formats, includeErrors: true, allErrors: true })"),
  "@cfworker/json-schema": jsonPeer(`import { Validator } from "@cfworker/json-schema";`, `new Validator(schemas[k], "2020-12", false)`),
  "@sinclair/typebox (compiler)": `export { typeboxPeer } from "./lib/peers/typebox.mjs";`,
  "zod 4": `export { zodPeer } from "./lib/peers/zod.mjs";`,
  valibot: `export { valibotPeer } from "./lib/peers/valibot.mjs";`,
  arktype: `export { arktypePeer } from "./lib/peers/arktype.mjs";`,
};

const openapiFetch = `import createClient from ${JSON.stringify(`${rootModules}/openapi-fetch/dist/index.mjs`)};`;
const clients = {
  "puffle-api client (with validators)": `export { createPuffleClient } from ${JSON.stringify(`${repo}/dist/client.js`)};`,
  "openapi-fetch alone": `${openapiFetch}\nexport { createClient };`,
  "openapi-fetch + TypeBox": `${openapiFetch}\nexport { createClient };\nexport { typeboxPeer } from "./lib/peers/typebox.mjs";`,
  "openapi-fetch + zod 4": `${openapiFetch}\nexport { createClient };\nexport { zodPeer } from "./lib/peers/zod.mjs";`,
  "openapi-fetch + valibot": `${openapiFetch}\nexport { createClient };\nexport { valibotPeer } from "./lib/peers/valibot.mjs";`,
  "openapi-fetch + ajv": `${openapiFetch}\nexport { createClient };\n${validators["ajv (Ajv2020 + ajv-formats + compile)"]}`,
  ky: `export { default } from "ky";`,
  "axios": `export { default } from "axios";`,
};

async function sizeOf(contents) {
  const result = await build({
    stdin: { contents, resolveDir: benchDir, loader: "js" },
    bundle: true, minify: true, format: "esm", platform: "browser",
    write: false, logLevel: "silent", treeShaking: true,
    nodePaths: [`${benchDir}/node_modules`, rootModules],
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const out = { validators: {}, clients: {} };
for (const [name, contents] of Object.entries(validators)) out.validators[name] = await sizeOf(contents);
for (const [name, contents] of Object.entries(clients)) out.clients[name] = await sizeOf(contents);
process.stdout.write(JSON.stringify({ scenario: "size", ...out }));
