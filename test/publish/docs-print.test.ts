// The API reference printed (or saved as PDF from the print dialog): what is on the page when the
// browser lays it out for print. Redoc draws a nested schema (the 200 response's `thread`, its
// `conversation`) only once it is scrolled near, leaving an empty box of its estimated height until
// then, and a collapsed one ("+ Show array property") not at all: a printout of an operation had a
// blank half page where the response's fields belong. Chromium opens the page from disk (no
// network); `page.pdf()` prints it, firing `beforeprint` as the print dialog does, and a listener
// added after the page's own reads the page as it is then.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deref, operationsOf } from "../../scripts/publish/code-samples.mjs";
import { launchChromium, requireChromium } from "../browser.js";
import { root } from "../helpers.js";
import { buildDocsPage } from "./docs-page.js";

const spec = JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8"));

type Schema = { $ref?: string; allOf?: Schema[]; properties?: Record<string, Schema>; items?: Schema; type?: unknown };

/** Every property name of a schema, at any depth ($ref, allOf and array items followed). */
function propertyNames(schema: Schema | undefined, seen = new Set<Schema>()): string[] {
  if (!schema || seen.has(schema)) return [];
  seen.add(schema);
  const s = schema.$ref ? (deref(spec, schema) as Schema) : schema;
  return [
    ...Object.entries(s.properties ?? {}).flatMap(([name, sub]) => [name, ...propertyNames(sub, seen)]),
    ...(s.allOf ?? []).flatMap((part) => propertyNames(part, seen)),
    ...propertyNames(s.items, seen),
  ];
}

let outDir: string;
let browser: Browser;

beforeAll(async () => {
  requireChromium();
  outDir = mkdtempSync(path.join(os.tmpdir(), "puffle-docs-print-"));
  buildDocsPage(outDir);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("API reference printed (Chromium, page.pdf())", () => {
  for (const { operation } of operationsOf(spec)) {
    const { operationId, summary, tags } = operation as { operationId: string; summary: string; tags: string[] };
    it(`${operationId}: the request's and the 200 response's fields, nested ones too, are on the printed page`, async () => {
      const requestSchema = deref(spec, (deref(spec, operation.requestBody) as { content: Record<string, { schema: Schema }> }).content["application/json"]!.schema) as Schema;
      const okSchema = (deref(spec, operation.responses["200"]) as { content: Record<string, { schema: Schema }> }).content["application/json"]!.schema;
      const expected = [...new Set([...propertyNames(requestSchema), ...propertyNames(okSchema)])].sort();
      expect(expected.length).toBeGreaterThan(5);

      // A printer's page: A4 width at 96 dpi, the operation opened at its address, printed at once.
      const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
      try {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
        page.on("request", (r) => !/^(file|data|blob):/.test(r.url()) && problems.push(`network request: ${r.url()}`));
        const anchor = `${tags[0]!.toLowerCase()}/${operationId.toLowerCase()}`;
        await page.goto(`${pathToFileURL(path.join(outDir, "index.html")).href}#/${anchor}`);
        await page.locator(`[id="${anchor}"]`).getByRole("heading", { name: summary }).waitFor();
        await page.locator(".schema-name").first().waitFor();
        await page.evaluate(() => {
          addEventListener("beforeprint", () => {
            const main = document.querySelector("#redoc main")!;
            (window as unknown as { printed: unknown }).printed = {
              names: [...main.querySelectorAll(".schema-name")].map((e) => e.textContent!.trim()),
              // Redoc's box for a nested schema not drawn yet (aria-hidden, a min-height).
              blank: main.querySelectorAll('[aria-hidden="true"][style*="min-height"]').length,
              collapsed: [...main.querySelectorAll('[data-schema-nested-open="false"]')].map((e) => e.textContent!.trim()),
            };
          });
        });
        const pdf = await page.pdf({ format: "A4" });
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        const printed = (await page.evaluate(() => (window as unknown as { printed: unknown }).printed)) as { names: string[]; blank: number; collapsed: string[] };
        expect(printed, "beforeprint fired").toBeDefined();
        expect(printed.blank, "nested schemas printed as an empty box").toBe(0);
        expect(printed.collapsed, "collapsed schemas when printed").toEqual([]);
        expect(expected.filter((name) => !printed.names.includes(name)), "fields missing from the printout").toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  }
});
