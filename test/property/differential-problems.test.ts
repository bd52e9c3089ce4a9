// Differential, error responses: every distinct problem schema, 10,000 inputs each.
import { afterAll, describe } from "vitest";
import { flushCounts } from "../reliability/counts.js";
import { differential, distinct } from "./differential.js";
import { allTargets } from "./targets.js";

afterAll(() => flushCounts(import.meta.url));

describe("differential vs @cfworker/json-schema: error responses", () => {
  for (const t of distinct(allTargets).filter((t) => t.kind === "response" && t.status !== "200")) differential(t);
});
