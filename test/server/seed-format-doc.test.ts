// docs/server.md's seed format (its sample seed and the "conversation" rules row) against the
// server's column lists and the spec's enums. A column added to ConversationRow or ThreadDraft
// (openapi/README.md, "Adding a field"), a ConversationStatus or Channel value added, or a schema
// renamed left that page silently describing the old seed: every other check passed.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONVERSATION_COLUMNS, DRAFT_COLUMNS } from "../../src/server/seed.js";
import { root, spec, unusedName, type JsonObject } from "../helpers.js";

export interface SeedFormatFacts {
  /** Every column a seed conversation record holds, in the server's order. */
  columns: readonly string[];
  /** How many of them the `Conversation` schema requires (CONVERSATION_COLUMNS). */
  conversationColumns: number;
  /** The spec's enums a seed record's values are checked with. */
  enums: Readonly<Record<"status" | "channel", readonly string[]>>;
  /** The component schemas of the spec. */
  schemas: readonly string[];
}

/** The text of docs/server.md's sample seed: the ```jsonc block that has `"conversations"` (a comment first too). */
function sampleBlock(markdown: string): string | undefined {
  return [...markdown.matchAll(/^```jsonc\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!).find((text) => text.includes('"conversations"'));
}

/** What docs/server.md's seed format says that `facts` do not, one line each naming the file and what to change. */
export function seedFormatProblems(markdown: string, facts: SeedFormatFacts): string[] {
  const where = "docs/server.md, seed format";
  const block = sampleBlock(markdown);
  if (block === undefined) return [`${where}: no \`\`\`jsonc sample seed found`];
  let sample: { conversations?: Record<string, unknown>[] };
  try {
    sample = JSON.parse(block) as typeof sample;
  } catch (error) {
    return [`${where}: the sample seed is not JSON, as a seed file must be (${(error as Error).message.replace(/\s*\n\s*/g, " ")})`];
  }
  const record = sample.conversations?.[0] ?? {};
  const problems: string[] = [];
  const keys = Object.keys(record);
  const want = [...facts.columns, "warmup"];
  for (const column of want) if (!keys.includes(column)) problems.push(`${where}: the sample conversation lacks the column "${column}" (src/server/seed.ts lists it)`);
  for (const key of keys) if (!want.includes(key)) problems.push(`${where}: the sample conversation has "${key}", which is no column of src/server/seed.ts`);
  for (const [field, values] of Object.entries(facts.enums)) {
    const shown = typeof record[field] === "string" ? (record[field] as string).split(" | ") : [];
    if ([...shown].sort().join() !== [...values].sort().join()) {
      problems.push(`${where}: the sample conversation's "${field}" says ${JSON.stringify(shown.join(" | "))}, the spec's enum is ${JSON.stringify(values.join(" | "))}`);
    }
  }
  const row = /^\| conversation \| (.*)$/m.exec(markdown)?.[1];
  if (row === undefined) return [...problems, `${where}: no "| conversation |" rules row found`];
  const count = /the (\d+) conversation columns/.exec(row)?.[1];
  if (Number(count) !== facts.conversationColumns) problems.push(`${where}: the conversation rules row says "the ${count ?? "?"} conversation columns", CONVERSATION_COLUMNS has ${facts.conversationColumns}`);
  for (const [, name] of row.matchAll(/checked with (?:the spec's )?`([A-Za-z0-9]+)`/g)) {
    if (!facts.schemas.includes(name!)) problems.push(`${where}: the conversation rules row names the schema \`${name}\`, which the spec does not have`);
  }
  return problems;
}

/**
 * What docs/server.md's seed format says now, which the planted cases build their lines from: its
 * conversation columns' count and its sample's `status`, or undefined when the page does not say
 * them in the form seedFormatProblems reads (which then names what it lacks).
 */
export function pageSays(markdown: string): { count: number; status: string } | undefined {
  const count = Number(/the (\d+) conversation columns/.exec(markdown)?.[1]);
  const block = sampleBlock(markdown);
  let status: unknown;
  try {
    status = (JSON.parse(block ?? "") as { conversations?: { status?: unknown }[] }).conversations?.[0]?.status;
  } catch {
    return undefined;
  }
  return Number.isInteger(count) && typeof status === "string" ? { count, status } : undefined;
}

const schemas = spec.components as { schemas: Record<string, JsonObject> };
const facts: SeedFormatFacts = {
  columns: [...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS],
  conversationColumns: CONVERSATION_COLUMNS.length,
  enums: { status: schemas.schemas.ConversationStatus!.enum as string[], channel: schemas.schemas.Channel!.enum as string[] },
  schemas: Object.keys(schemas.schemas),
};
const markdown = fs.readFileSync(path.join(root, "docs/server.md"), "utf8");

describe("docs/server.md's seed format", () => {
  it("lists every column, the enums' values and the schemas as they are", () => {
    expect(seedFormatProblems(markdown, facts)).toEqual([]);
  });

  // The planted changes of a maintainer's edit, each seen failing with its line. Each line is built
  // from what the page says now (its count, its status values), not from the spec: with the page
  // stale (a column added, the page not yet updated), only the test above fails, saying what to change.
  // A page the check cannot read (no sample, a sample that is not JSON, no count) fails the test
  // above with a line saying so; the planted cases are then skipped, not a TypeError that loaded no test.
  const said = pageSays(markdown);
  const stated = said?.count ?? Number.NaN;
  const shownStatus = said?.status ?? "";
  // The planted columns are names no column has, and the removed one is a column there is: a real
  // column added under a planted name (draft_reply_to) or the removed one really removed left the
  // plant unchanged, and these failed beside the real change with "expected [] to include …".
  const added = unusedName("draft_reply_to", facts.columns);
  const addedRow = unusedName("priority", facts.columns);
  const removed = DRAFT_COLUMNS[DRAFT_COLUMNS.length - 1]!;
  it.skipIf(said === undefined).each([
    ["a draft column added (ThreadDraft)", { ...facts, columns: [...facts.columns, added] },
      `docs/server.md, seed format: the sample conversation lacks the column "${added}" (src/server/seed.ts lists it)`],
    ["a conversation column added (ConversationRow)", { ...facts, columns: [...CONVERSATION_COLUMNS, addedRow, ...DRAFT_COLUMNS], conversationColumns: facts.conversationColumns + 1 },
      `docs/server.md, seed format: the sample conversation lacks the column "${addedRow}" (src/server/seed.ts lists it)`],
    ["a conversation column added: the rules row's count", { ...facts, conversationColumns: stated + 1 },
      `docs/server.md, seed format: the conversation rules row says "the ${stated} conversation columns", CONVERSATION_COLUMNS has ${stated + 1}`],
    ["a column removed", { ...facts, columns: facts.columns.filter((c) => c !== removed) },
      `docs/server.md, seed format: the sample conversation has "${removed}", which is no column of src/server/seed.ts`],
    ["a ConversationStatus value added", { ...facts, enums: { ...facts.enums, status: [...facts.enums.status, "planted_status"] } },
      `docs/server.md, seed format: the sample conversation's "status" says "${shownStatus}", the spec's enum is "${[...facts.enums.status, "planted_status"].join(" | ")}"`],
    ["ThreadDraft renamed", { ...facts, schemas: [...facts.schemas.filter((s) => s !== "ThreadDraft"), "DraftColumns"] },
      "docs/server.md, seed format: the conversation rules row names the schema `ThreadDraft`, which the spec does not have"],
  ])("the check can fail: %s", (_name, changed, line) => {
    expect(seedFormatProblems(markdown, changed)).toContain(line);
  });

  it("a page it cannot read (a comment in the jsonc sample, no count): pageSays gives nothing, the check says what", () => {
    expect(pageSays(markdown)).toEqual({ count: CONVERSATION_COLUMNS.length, status: expect.any(String) });
    const commented = markdown.replace("```jsonc\n{\n", "```jsonc\n{\n  // the seed file\n");
    expect(commented).not.toBe(markdown);
    expect(pageSays(commented)).toBeUndefined();
    expect(seedFormatProblems(commented, facts)).toEqual([expect.stringMatching(/^docs\/server\.md, seed format: the sample seed is not JSON, as a seed file must be \([^\n]*\)$/)]);
    expect(pageSays(markdown.replace(/the \d+ conversation columns/, "every conversation column"))).toBeUndefined();
  });
});
