import { validator as schemasafe } from "@exodus/schemasafe";
import { formats, targets } from "./common.mjs";
import { jsonSchema } from "./json-schema.mjs";

export function schemasafePeer({ includeErrors }) {
  const schemasafeFormats = Object.fromEntries(Object.entries(formats));
  return Object.fromEntries(Object.entries(targets).map(([k, name]) => {
    const validate = schemasafe({ $schema: "https://json-schema.org/draft/2020-12/schema", ...jsonSchema(name) }, { formats: schemasafeFormats, includeErrors, allErrors: includeErrors });
    return [k, includeErrors ? (x) => (validate(x) ? { valid: true } : { valid: false, errors: validate.errors }) : validate];
  }));
}

