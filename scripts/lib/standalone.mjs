// AJV's standaloneCode(ajv, { exportName: schemaId }) with ESM exports, rewritten to build its
// string in linear time. AJV's own (ajv/dist/standalone/index.js, MIT, (c) Evgeny Poberezkin)
// appends each export to one growing code object, copying every earlier piece again — quadratic in
// the number of exports: on GitHub's REST description (several thousand validators) that alone took
// tens of seconds. The code is the same as AJV's, piece for piece, so the output is byte for byte
// the same (test/pipeline/standalone.test.ts compares the two).
import codeModule from "ajv/dist/compile/codegen/code.js";
import scopeModule from "ajv/dist/compile/codegen/scope.js";

const { _, _Code, nil, getEsmExportName } = codeModule;
const { UsedValueState, varKinds } = scopeModule;

/**
 * @param {import("ajv").default} ajv  compiled with code: { source: true, esm: true }
 * @param {Record<string, string>} refs  export name → schema id
 * @returns {string}
 */
export function standaloneCode(ajv, refs) {
  if (!ajv.opts.code.source) throw new Error("moduleCode: ajv instance must have code.source option");
  if (!ajv.opts.code.esm) throw new Error("standalone.mjs: ESM output only");
  const { _n } = ajv.scope.opts;
  const usedValues = {};
  const pieces = [`${_`"use strict";`}`];
  for (const name in refs) {
    const v = ajv.getSchema(refs[name]);
    if (!v) throw new Error(`moduleCode: no schema with id ${refs[name]}`);
    const vCode = validateCode(v.source);
    pieces.push(`${_`${_n}${_`export const ${getEsmExportName(name)}`} = ${v.source?.validateName};${_n}${vCode}`}`);
  }
  return pieces.join("");

  function validateCode(s) {
    if (!s) throw new Error('moduleCode: function does not have "source" property');
    if (usedState(s.validateName) === UsedValueState.Completed) return nil;
    setUsedState(s.validateName, UsedValueState.Started);
    const scopeCode = ajv.scope.scopeCode(s.scopeValues, usedValues, refValidateCode);
    const code = new _Code(`${scopeCode}${_n}${s.validateCode}`);
    return s.evaluated ? _`${code}${s.validateName}.evaluated = ${s.evaluated};${_n}` : code;
  }

  function refValidateCode(n) {
    const vRef = n.value?.ref;
    if (n.prefix === "validate" && typeof vRef == "function") return validateCode(vRef.source);
    if ((n.prefix === "root" || n.prefix === "wrapper") && typeof vRef == "object") {
      const { validate, validateName } = vRef;
      if (!validateName) throw new Error("ajv internal error");
      const def = ajv.opts.code.es5 ? varKinds.var : varKinds.const;
      const wrapper = _`${def} ${n} = {validate: ${validateName}};`;
      if (usedState(validateName) === UsedValueState.Started) return wrapper;
      const vCode = validateCode(validate?.source);
      return _`${wrapper}${_n}${vCode}`;
    }
    return undefined;
  }

  function usedState(name) {
    return usedValues[name.prefix]?.get(name);
  }

  function setUsedState(name, state) {
    const names = (usedValues[name.prefix] ??= new Map());
    names.set(name, state);
  }
}
