// Shared by the two differential tests of the generated issue-building validators
// (test/unit/issues-differential.test.ts on our spec, test/pipeline/issues-keywords.test.ts on a
// fixture using every keyword): the generated validator against AJV's own runtime compile of the
// same schema, its errors worded by `toIssues`.
import { expect } from "vitest";
import type { AjvError, IssueFunction } from "../generated/validators.js";
import { toIssues } from "../src/validators.js";

/** An AJV validate function as compiled at run time. */
export interface AjvFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

/** A generated validator, named, and AJV's compile of the same schema. */
export type Pair = [string, IssueFunction, AjvFunction];

/** AJV's errors one by one as `toIssues` words them, before duplicates are merged. */
export const rawIssues = (errors: readonly AjvError[] | null | undefined) => (errors ?? []).flatMap((error) => toIssues([error]));

/** Same verdict on every input; on failure the same issues, in the same order. */
export function expectSameIssues(validate: IssueFunction, ajv: AjvFunction, corpus: readonly unknown[]): void {
  const disagree: string[] = [];
  for (const value of corpus) {
    const verdict = ajv(value);
    const got = validate(value);
    if (got !== verdict) disagree.push(`verdict ${got} for ${JSON.stringify(value)}`);
    else if (verdict) expect(validate.errors ?? null).toBeNull();
    else expect(validate.errors, JSON.stringify(value)).toEqual(rawIssues(ajv.errors));
  }
  expect(disagree).toEqual([]);
}
