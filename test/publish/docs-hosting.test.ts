// The API reference as a static host serves it, with the response headers docs/publishing.md
// ("Hosting") tells a publisher to set: the page and openapi.json under a sub-path (/docs/puffle/)
// from a node:http server on 127.0.0.1, the Content-Security-Policy line read from the doc itself.
// Under it, in Chromium: an operation opened at its address (Redoc 3's and Redoc 2's fragment forms)
// renders and survives a reload, the search finds, the overview's link fetches openapi.json, and the
// only CSP report is the one the doc names (the search's `Function(…)`). A policy without
// 'unsafe-inline' but the sha256 hashes of the page's inline scripts (the doc's alternative) works
// the same; `default-src 'self'; script-src 'self'` (no inline scripts) shows the overview only, as
// the doc says.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationsOf } from "../../scripts/publish/code-samples.mjs";
import { launchChromium, requireChromium } from "../browser.js";
import { root } from "../helpers.js";
import { buildDocsPage } from "./docs-page.js";

const spec = JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8"));
const publishing = readFileSync(path.join(root, "docs/publishing.md"), "utf8");
const SUB_PATH = "/docs/puffle/";

/** The header lines of docs/publishing.md's "Hosting" block: `Name: value` in a ```http fence. */
function documentedHeaders(): Map<string, Map<string, string>> {
  const fence = /\n( *)```http\n([\s\S]*?)\n *```/.exec(publishing.slice(publishing.indexOf("**Hosting**")));
  if (!fence) throw new Error("docs/publishing.md: no ```http block after **Hosting**");
  const block = fence[2]!.split("\n").map((line) => line.slice(fence[1]!.length)).join("\n");
  const files = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of block.split("\n")) {
    const file = /^# (\S+)$/.exec(line);
    if (file) files.set(file[1]!, (current = new Map()));
    else if (line.trim()) {
      const at = line.indexOf(": ");
      current!.set(line.slice(0, at).toLowerCase(), line.slice(at + 2));
    }
  }
  return files;
}

const documented = documentedHeaders();
let csp = "";
let outDir: string;
let server: http.Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  requireChromium();
  outDir = mkdtempSync(path.join(os.tmpdir(), "puffle-docs-hosting-"));
  buildDocsPage(outDir);
  server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://127.0.0.1");
    if (pathname === SUB_PATH.slice(0, -1)) {
      res.writeHead(301, { location: SUB_PATH }).end();
      return;
    }
    const name = pathname === SUB_PATH ? "index.html" : pathname.slice(SUB_PATH.length);
    const headers = pathname.startsWith(SUB_PATH) ? documented.get(name) : undefined;
    if (!headers) {
      res.writeHead(404).end();
      return;
    }
    const sent = Object.fromEntries(headers);
    if (name === "index.html") sent["content-security-policy"] = csp;
    res.writeHead(200, sent).end(readFileSync(path.join(outDir, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Opens `url` with the CSP reports and console errors of the page collected. */
async function open(url: string): Promise<{ page: Page; reports: () => Promise<string[]>; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const reports: string[] = [];
    (window as unknown as { cspReports: string[] }).cspReports = reports;
    document.addEventListener("securitypolicyviolation", (e) => reports.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && !/Content Security Policy/.test(m.text()) && problems.push(`console error: ${m.text()}`));
  // The folder, and its URL without the trailing slash (redirected); nothing else, nothing refused.
  page.on("request", (r) => !r.url().startsWith(`${base}${SUB_PATH.slice(0, -1)}`) && !/^(data|blob):/.test(r.url()) && problems.push(`request: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  await page.goto(url);
  return { page, reports: () => page.evaluate(() => (window as unknown as { cspReports: string[] }).cspReports), problems, close: () => context.close() };
}

describe("API reference on a static host (127.0.0.1, a sub-path, docs/publishing.md's headers)", () => {
  it("docs/publishing.md gives the headers of index.html and openapi.json, a CSP among them", () => {
    expect([...documented.keys()]).toEqual(["index.html", "openapi.json"]);
    expect(documented.get("index.html")!.get("content-type")).toBe("text/html; charset=utf-8");
    expect(documented.get("openapi.json")!.get("content-type")).toBe("application/json");
    expect(documented.get("index.html")!.get("content-security-policy")).toMatch(/^default-src 'self'; /);
  });

  const op = operationsOf(spec)[0]!.operation as { operationId: string; summary: string; tags: string[] };
  const anchor = `${op.tags[0]!.toLowerCase()}/${op.operationId.toLowerCase()}`;
  const inlineScripts = () =>
    [...readFileSync(path.join(outDir, "index.html"), "utf8").matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1]!).digest("base64")}'`);
  const policies: [string, () => string][] = [
    ["the documented policy", () => documented.get("index.html")!.get("content-security-policy")!],
    ["the documented policy with the inline scripts' hashes for 'unsafe-inline'", () => documented.get("index.html")!.get("content-security-policy")!.replace("script-src 'self' 'unsafe-inline'", `script-src 'self' ${inlineScripts().join(" ")}`)],
  ];
  for (const [what, policy] of policies) {
    it(`${what}: deep links (and their reload), the search and openapi.json work; the one CSP report is the search's eval`, async () => {
      csp = policy();
      expect(csp).not.toContain("unsafe-eval");
      // Redoc 3's fragment, and Redoc 2's (`#operation/<operationId>`, which links elsewhere may still use).
      for (const fragment of [`#/${anchor}`, `#operation/${op.operationId}`]) {
        const { page, reports, problems, close } = await open(`${base}${SUB_PATH}${fragment}`);
        try {
          const heading = page.locator(`[id="${anchor}"]`).getByRole("heading", { name: op.summary });
          await heading.waitFor();
          await page.reload();
          await heading.waitFor();
          expect(page.url()).toBe(`${base}${SUB_PATH}#/${anchor}`);
          // Redoc may build its search index (the eval) as soon as the page has loaded.
          expect((await reports()).filter((r) => r !== "script-src eval")).toEqual([]);
          await page.locator('[data-testid="search-trigger"]').first().click();
          await page.getByPlaceholder("Search docs...").fill("unread");
          await expect.poll(() => page.locator('[data-component-name="Search/SearchItem"]').count(), { message: "search results" }).toBeGreaterThan(0);
          expect(await reports()).toEqual(["script-src eval"]);
          expect(problems).toEqual([]);
        } finally {
          await close();
        }
      }
      const { page, problems, close } = await open(`${base}${SUB_PATH.slice(0, -1)}`);
      try {
        const link = page.locator('#redoc a[href="openapi.json"]');
        await link.waitFor();
        const [response] = await Promise.all([page.waitForResponse(`${base}${SUB_PATH}openapi.json`), link.click()]);
        expect(response.status()).toBe(200);
        expect(response.headers()["content-type"]).toBe("application/json");
        expect((await response.json()).info.title).toBe(spec.info.title);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }, 90_000);
  }

  it("without inline scripts allowed (default-src 'self'; script-src 'self') only the overview shows", async () => {
    csp = "default-src 'self'; script-src 'self'";
    const { page, reports, close } = await open(`${base}${SUB_PATH}#/${anchor}`);
    try {
      await page.getByText(spec.info.title).first().waitFor();
      await expect.poll(async () => (await reports()).filter((r) => r.startsWith("script-src-elem inline")).length).toBe(3);
      expect(await page.locator(`[id="${anchor}"]`).count()).toBe(0);
    } finally {
      await close();
    }
  }, 60_000);
});
