// Builds generated/schema.d.ts with openapi-typescript from the bundled document.
import openapiTS, { astToString } from "openapi-typescript";

export async function buildTypes(doc, { header }) {
  const ast = await openapiTS(structuredClone(doc), {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    silent: true,
  });
  return `${header("//")}\n${astToString(ast)}`;
}
