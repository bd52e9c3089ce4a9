import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { targets } from "./common.mjs";
import { jsonSchema } from "./json-schema.mjs";

export function ajvPeer({ allErrors }) {
  const ajv = new Ajv2020({ allErrors, strict: false });
  addFormats(ajv);
  return Object.fromEntries(Object.entries(targets).map(([k, name]) => {
    const validate = ajv.compile(jsonSchema(name));
    return [k, allErrors ? (x) => (validate(x) ? { valid: true } : { valid: false, errors: validate.errors }) : validate];
  }));
}

