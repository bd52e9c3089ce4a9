// Builds generated/schema.d.ts with openapi-typescript from the bundled document.
//
// openapi-typescript is loaded through its CommonJS build (`require`), which requires TypeScript.
// Its ES module build imports TypeScript — a 9 MB CommonJS file without a package "type" — through
// Node's ES module loader, which first parses the whole file to find out whether it is an ES module,
// then scans it again for its named exports: about 0.6 s more, on the types worker's critical path
// in a cold `npm run generate`. Same package, version and output either way. Where Node cannot
// require() the ES-only packages that build requires (before 20.19, or with
// --no-experimental-require-module: ERR_REQUIRE_ESM; ERR_REQUIRE_ASYNC_MODULE should one of them
// ever use top-level await), the ES module build is imported as before.
import { createRequire } from "node:module";

async function loadOpenapiTS() {
  try {
    return createRequire(import.meta.url)("openapi-typescript");
  } catch (err) {
    if (err?.code !== "ERR_REQUIRE_ESM" && err?.code !== "ERR_REQUIRE_ASYNC_MODULE") throw err;
    return import("openapi-typescript");
  }
}

const { default: openapiTS, astToString } = await loadOpenapiTS();

export async function buildTypes(doc, { header }) {
  const ast = await openapiTS(structuredClone(doc), {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    silent: true,
  });
  return `${header("//")}\n${astToString(ast)}`;
}
