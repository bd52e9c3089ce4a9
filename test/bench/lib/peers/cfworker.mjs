import { Validator as CfValidator } from "@cfworker/json-schema";
import { targets } from "./common.mjs";
import { jsonSchema } from "./json-schema.mjs";

export function cfworkerPeer({ shortCircuit }) {
  return Object.fromEntries(Object.entries(targets).map(([k, name]) => {
    const validator = new CfValidator(jsonSchema(name), "2020-12", shortCircuit);
    return [k, shortCircuit ? (x) => validator.validate(x).valid : (x) => validator.validate(x)];
  }));
}

