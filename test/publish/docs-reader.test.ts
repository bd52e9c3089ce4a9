// The API reference as published: served over HTTP from 127.0.0.1 (as a static host would) and opened
// in Debian's Chromium, with and without JavaScript. The server logs every request it gets, the page
// every request it makes: the page asks for nothing but itself.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFile, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const spec = JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8"));

let outDir: string;
let server: http.Server;
let base: string;
let browser: Browser;
const served: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does`);
  outDir = mkdtempSync(path.join(os.tmpdir(), "puffle-docs-reader-"));
  execFileSync(process.execPath, [path.join(root, "scripts/docs.mjs"), outDir], { cwd: root, stdio: "pipe" });
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    served.push(url.pathname);
    const name = path.basename(url.pathname);
    if (!["index.html", "openapi.json"].includes(name) || url.pathname !== `/${name}`) {
      res.writeHead(404).end();
      return;
    }
    readFile(path.join(outDir, name), (err, body) => {
      if (err) res.writeHead(500).end();
      else res.writeHead(200, { "content-type": name.endsWith(".html") ? "text/html; charset=utf-8" : "application/json" }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("API reference served over HTTP (127.0.0.1) in Chromium", () => {
  // A page that names no icon makes the browser ask its host for /favicon.ico: a 404 (and a console
  // error) on most static hosts, for a page meant to load nothing.
  it("asks its host for nothing but the page itself (no /favicon.ico)", async () => {
    served.length = 0;
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const requested: string[] = [];
      const errors: string[] = [];
      page.on("request", (r) => requested.push(r.url()));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      await page.goto(`${base}/index.html`);
      await page.getByText(spec.info.title).first().waitFor();
      await page.locator(`a[href="#/threads"]`).first().waitFor();
      // Chromium asks for the icon after the load event; close the page so that request (if any) is made.
      await page.close({ runBeforeUnload: false });
      await context.close();
      expect(requested.filter((u) => !/^(data|blob):/.test(u))).toEqual([`${base}/index.html`]);
      expect(served).toEqual(["/index.html"]);
      expect(errors).toEqual([]);
    } finally {
      await context.close().catch(() => {});
    }
  });

  // Redoc's prerendered markup is the overview only: without JavaScript no operation is shown. The page
  // says so and links openapi.json (written next to it), instead of looking complete.
  it("without JavaScript, says why the operations are missing and links openapi.json", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/index.html`);
      // (Playwright's text selectors skip <noscript>; read the rendered note through the DOM.)
      const note = await page.evaluate(() => {
        const box = [...document.querySelectorAll("noscript *")].find((e) => e.getBoundingClientRect().height > 0);
        const link = box?.querySelector("a") ?? null;
        return { text: box ? (box as HTMLElement).innerText : "", href: link ? link.href : "" };
      });
      expect(note.text).toContain("This API reference needs JavaScript");
      const href = note.href;
      expect(href).toBe(`${base}/openapi.json`);
      const response = await page.request.get(href);
      expect(response.status()).toBe(200);
      expect((await response.json()).info.title).toBe(spec.info.title);
    } finally {
      await context.close();
    }
  });
});
