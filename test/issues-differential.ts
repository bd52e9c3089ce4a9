// Shared by the differential tests of the generated issue-building validators
// (test/unit/issues-differential.test.ts on our spec, test/pipeline/issues-keywords.test.ts on a
// fixture using every keyword, test/pipeline/same-content.test.ts): the generated validator against AJV's own runtime compile of the
// same schema, its errors worded by `toIssues`, over a corpus of mutated inputs.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";
import type { AjvError, IssueFunction } from "../generated/validators.js";
import { toIssues } from "../src/validators.js";
import type { Json } from "./helpers.js";
import { scratchDir } from "./scratch.js";

/** An AJV validate function as compiled at run time. */
export interface AjvFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

/** A generated validator, named, and AJV's compile of the same schema. */
export type Pair = [string, IssueFunction, AjvFunction];

/** One operation's entry in the generated `operations` table (F: IssueFunction) or in AJV's reference (F: AjvFunction). */
export interface OperationTable<F> {
  pathParams: F;
  requestBody: F | null;
  requestFields: Record<string, F | { validate: F }>;
  responses: Record<string, F | null>;
}

/** The validators step on a fixture spec: the generated module's text, and AJV's runtime compile of the same schemas. */
export interface ValidatorsStep {
  buildValidators: (doc: unknown, options: { root: string; header: (prefix: string) => string }) => { js: string };
  referenceValidators: (doc: unknown, options: { root: string }) => Record<string, OperationTable<AjvFunction>>;
}

/** scripts/lib/validators.mjs (plain .mjs without declarations), typed. */
export const validatorsStep = async (): Promise<ValidatorsStep> =>
  (await import(new URL("../scripts/lib/validators.mjs", import.meta.url).href)) as ValidatorsStep;

/**
 * A fixture spec's validators as the validators step builds them, written to a scratch folder of the
 * test file (`scratchDir(prefix)`, removed after it) and imported, beside AJV's runtime compile of
 * the same schemas (and the module's text, `js`). `root` is the file the fixture's `$ref`s resolve against (by default the
 * generated file itself, for a fixture built in code).
 */
export async function fixtureValidators(doc: Json, prefix: string, root?: string) {
  const { buildValidators, referenceValidators } = await validatorsStep();
  const file = path.join(scratchDir(prefix), "validators.mjs");
  const { js } = buildValidators(doc, { root: root ?? file, header: (text) => `${text} test fixture` });
  fs.writeFileSync(file, js);
  const generated = (await import(pathToFileURL(file).href)) as { operations: Record<string, OperationTable<IssueFunction>> };
  return { file, js, operations: generated.operations, reference: referenceValidators(doc, { root: root ?? file }) };
}

/** AJV's errors one by one as `toIssues` words them, before duplicates are merged. */
const rawIssues = (errors: readonly AjvError[] | null | undefined) => (errors ?? []).flatMap((error) => toIssues([error]));

/** AJV's own wording of a type error naming several types (`must be string,null`), which neither side may report. */
export const AJV_TYPE_LIST = /^must be [^\s,]+(?:,[^\s,]+)+$/;

/**
 * Same verdict on every input; on failure the same issues, in the same order, and no type issue
 * worded as AJV's list (`must be string,null`: both say `must be string or null`).
 */
export function expectSameIssues(validate: IssueFunction, ajv: AjvFunction, corpus: readonly unknown[]): void {
  const disagree: string[] = [];
  const ajvWording = new Set<string>();
  for (const value of corpus) {
    const verdict = ajv(value);
    const got = validate(value);
    if (got !== verdict) disagree.push(`verdict ${got} for ${JSON.stringify(value)}`);
    else if (verdict) expect(validate.errors ?? null).toBeNull();
    else {
      expect(validate.errors, JSON.stringify(value)).toEqual(rawIssues(ajv.errors));
      for (const issue of validate.errors ?? []) if (AJV_TYPE_LIST.test(issue.message)) ajvWording.add(issue.message);
    }
  }
  expect(disagree).toEqual([]);
  expect([...ajvWording]).toEqual([]);
}

/**
 * The value itself, and for an object or array each one-member mutation (removed, replaced by
 * each of `replacements`, mutated recursively to `depth`), plus appended items and unknown members.
 */
export function mutations(value: Json, depth: number, replacements: readonly Json[]): Json[] {
  const out: Json[] = [value];
  if (!value || typeof value !== "object" || depth === 0) return out;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push(value.filter((_x, j) => j !== i));
      for (const r of replacements) out.push(value.map((x, j) => (j === i ? r : x)));
      for (const m of mutations(item, depth - 1, replacements).slice(1)) out.push(value.map((x, j) => (j === i ? m : x)));
    });
    out.push([...value, 1], []);
    if (value.length > 0) out.push([...value, value[0]!]);
    return out;
  }
  for (const key of Object.keys(value)) {
    const { [key]: _removed, ...rest } = value;
    out.push(rest);
    for (const r of replacements) out.push({ ...value, [key]: r });
    for (const m of mutations(value[key]!, depth - 1, replacements).slice(1)) out.push({ ...value, [key]: m });
  }
  out.push({ ...value, unknown_member: 1 }, { ...value, ["a/b~c"]: "x" }, { ...value, n_b: 1 });
  return out;
}
