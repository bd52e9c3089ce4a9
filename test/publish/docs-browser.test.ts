// The API reference as a reader sees it: `npm run docs` builds the page, Debian's Chromium (driven by
// playwright-core) opens the file with no network, and every operation, documented status, example
// and code sample must be on screen. Any console error, page error or network request fails the test.
// Screenshots land in test-results/ for a person to look at.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCodeSamples, deref, operationsOf } from "../../scripts/publish/code-samples.mjs";
import { CHROMIUM, requireChromium } from "../browser.js";

const root = path.resolve(import.meta.dirname, "../..");
const shots = path.join(root, "test-results");
const spec = JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8"));
const samples = buildCodeSamples(spec);

const squash = (s: string) => s.replace(/\s+/g, "");

let outDir: string;
let profile: string;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  requireChromium();
  outDir = mkdtempSync(path.join(os.tmpdir(), "puffle-docs-"));
  profile = mkdtempSync(path.join(os.tmpdir(), "puffle-chromium-"));
  execFileSync(process.execPath, [path.join(root, "scripts/docs.mjs"), outDir], { cwd: root, stdio: "pipe" });
  mkdirSync(shots, { recursive: true });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1400, height: 1000 },
  });
  page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("request", (r) => {
    if (!/^(file|data|blob):/.test(r.url())) problems.push(`network request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(path.join(outDir, "index.html")).href);
  await page.getByText(spec.info.title).first().waitFor();
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe("API reference page (dist/docs/index.html) in Chromium", () => {
  it("embeds everything: the built file names no external script, stylesheet or image", () => {
    const html = readFileSync(path.join(outDir, "index.html"), "utf8");
    expect(html).not.toMatch(/<(?:script|link|img)\b[^>]*\b(?:src|href)=["']https?:/i);
    expect(html).not.toContain("cdn.redoc.ly/redoc/logo");
  });

  // A link is followed by more than a click: opened in a new tab, copied, or on a page whose scripts
  // did not run, it goes where its href says. Every link of the page as first opened (no fragment)
  // either leaves for http(s) or stays in index.html (but the link to openapi.json beside it), and
  // opened on its own it shows a page of the reference, not Redoc's "No page at this address".
  it("every link of the page as first opened stays in index.html or is http(s), and opens on its own", async () => {
    const index = pathToFileURL(path.join(outDir, "index.html")).href;
    const fresh = await context.newPage();
    try {
      await fresh.goto(index);
      await fresh.getByText(spec.info.title).first().waitFor();
      const internalLinks = async () => {
        const hrefs = [...new Set(await fresh.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href)))];
        return hrefs.filter((href) => !/^https?:/.test(href));
      };
      // Redoc may still be rendering the sidebar when the title shows (a loaded machine): wait for
      // its links rather than reading them once.
      await expect.poll(async () => (await internalLinks()).length).toBeGreaterThanOrEqual(2 + operationsOf(spec).length);
      // But one: the overview's link to openapi.json, written next to index.html (the spec to download).
      const specHref = new URL("openapi.json", index).href;
      const all = await internalLinks();
      expect(all).toContain(specHref);
      const internal = all.filter((href) => href !== specHref);
      expect(internal.length).toBeGreaterThanOrEqual(2 + operationsOf(spec).length);
      expect(internal.filter((href) => href.split("#")[0] !== index)).toEqual([]);
      await fresh.goto(specHref);
      expect(JSON.parse(await fresh.locator("body").innerText()).info.title).toBe(spec.info.title);
      for (const href of internal) {
        await fresh.goto("about:blank");
        await fresh.goto(href);
        await fresh.getByText(spec.info.title).first().waitFor();
        await expect.poll(async () => (await fresh.locator("#redoc").innerText()).includes("No page at this address"), { message: href }).toBe(false);
      }
    } finally {
      await fresh.close();
    }
  });

  // Redoc's search quotes the descriptions (the API's, the tags', the operations') with their line
  // breaks dropped, not read as spaces: a description wrapped in the source read "updating
  // aconversation", "choose asender", "Everysuccessful update". Each quote must be text of the
  // description of the result's heading, as a reader sees it.
  it("search results quote the descriptions word for word", async () => {
    const plain = (s: string) => s.replace(/[`*]/g, "").replace(/\s+/g, " ").trim();
    const described = new Map<string, string>([
      [spec.info.title, spec.info.description],
      ...spec.tags.map((t: { name: string; description: string }) => [t.name, t.description] as [string, string]),
      ...operationsOf(spec).map((o) => [String(o.operation.summary), String(o.operation.description)] as [string, string]),
    ]);
    const fresh = await context.newPage();
    try {
      await fresh.goto(pathToFileURL(path.join(outDir, "index.html")).href);
      await fresh.getByText(spec.info.title).first().waitFor();
      // "sender" finds the API's description, a tag's and both operations'.
      for (const [query, atLeast] of [["unread", 2], ["retry", 2], ["sender", 4]] as const) {
        await fresh.locator('[data-testid="search-trigger"]').first().click();
        await fresh.getByPlaceholder("Search docs...").fill(query);
        const items = fresh.locator('[data-component-name="Search/SearchItem"]');
        // The results of this query (not the previous one's, still on screen).
        const results = async () => {
          const texts = await items.allInnerTexts();
          return texts.length >= atLeast && texts.every((t) => t.toLowerCase().includes(query)) ? texts : [];
        };
        let shown: string[] = [];
        await expect.poll(async () => (shown = await results()).length, { message: query }).toBeGreaterThanOrEqual(atLeast);
        // A result: its heading (an operation's after its method and path), then the quote.
        for (const text of shown) {
          const lines = text.split("\n");
          const at = lines.findIndex((line) => described.has(line.trim()));
          expect(at, text).toBeGreaterThan(-1);
          const quote = plain(lines[at + 1]!.replace(/^\.\.\.|\.\.\.$/g, ""));
          expect(plain(described.get(lines[at]!.trim())!), `search "${query}"`).toContain(quote);
        }
        await fresh.keyboard.press("Escape");
      }
    } finally {
      await fresh.close();
    }
  });

  for (const op of operationsOf(spec)) {
    const { operationId, summary, tags } = op.operation;
    const sample = samples.find((s) => s.operationId === operationId)!;

    it(`shows ${operationId}: path, statuses, examples and every code sample`, async () => {
      const anchor = `${String(tags[0]).toLowerCase()}/${operationId.toLowerCase()}`;
      await page.locator(`a[href="#/${anchor}"]`).first().click();
      const section = page.locator(`[id="${anchor}"]`);
      await section.getByRole("heading", { name: summary }).waitFor();
      const text = async () => squash(await section.innerText());

      expect(await text()).toContain(squash(`PATCH${op.path}`));

      // Every documented status: in the Responses list and as a response-sample tab.
      const statuses = Object.keys(op.operation.responses);
      for (const status of statuses) {
        expect(await section.getByText(status, { exact: true }).count(), `status ${status}`).toBeGreaterThanOrEqual(2);
      }

      // The request example the samples were made from is selected, and each sample shows its source.
      const requestExample = deref(spec, deref(spec, op.operation.requestBody).content["application/json"].examples[sample.exampleName]);
      expect(await text()).toContain(squash(requestExample.summary));
      const labels: string[] = [...sample.samples.map((s) => s.label), "Payload"];
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      // The language dropdown shows the chosen label; the choice persists from one operation to the next.
      const choose = async (label: string) => {
        await section.getByText(new RegExp(`^(${labels.map(escape).join("|")})$`)).first().click();
        await page.getByRole("menuitem", { name: label }).click();
      };
      for (const s of sample.samples) {
        await choose(s.label);
        await expect.poll(text, { message: `${s.label} sample` }).toContain(squash(s.source));
      }
      await page.screenshot({ path: path.join(shots, `docs-${operationId}-request.png`) });

      // The JSON payload of the request example.
      await choose("Payload");
      for (const [key, value] of Object.entries(requestExample.value)) {
        await expect.poll(text, { message: `payload ${key}` }).toContain(squash(`"${key}":${JSON.stringify(value)}`));
      }

      // Each status's first response example, shown when its tab is chosen.
      const samplePanel = section.getByText("Response", { exact: true }).last().locator("..");
      for (const status of statuses) {
        const response = deref(spec, op.operation.responses[status]);
        const examples = response.content?.["application/json"]?.examples ?? response.content?.["application/problem+json"]?.examples ?? {};
        const first = Object.keys(examples)[0];
        if (first === undefined) continue;
        await samplePanel.getByText(status, { exact: true }).first().click();
        const example = deref(spec, examples[status === "200" ? (examples.docs ? "docs" : first) : first]);
        const [key, value] = Object.entries(example.value).find(([, v]) => typeof v === "string") ?? Object.entries(example.value)[0]!;
        await expect.poll(text, { message: `response ${status} example` }).toContain(squash(`"${key}":${JSON.stringify(value)}`));
      }
      await samplePanel.getByText("200", { exact: true }).first().click();
      await section.screenshot({ path: path.join(shots, `docs-${operationId}.png`) });
      expect(problems).toEqual([]);
    });
  }

  it("made no network request and logged no error", () => {
    expect(problems).toEqual([]);
  });
});
