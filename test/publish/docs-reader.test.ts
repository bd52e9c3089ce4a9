// The API reference as published: served over HTTP from 127.0.0.1 (as a static host would) and opened
// in Debian's Chromium, with and without JavaScript. The server logs every request it gets, the page
// every request it makes: the page asks for nothing but itself.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFile, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCodeSamples, operationsOf } from "../../scripts/publish/code-samples.mjs";
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from "../browser.js";

const root = path.resolve(import.meta.dirname, "../..");
const spec = JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8"));
const samples = buildCodeSamples(spec);

// Body text (paragraphs, lists, tables) and code (samples, examples, inline code) of the page.
const TEXT_AND_CODE = "main p, main li, main td, main pre, main code";

// WCAG 2 contrast of every visible text node under `selector` against the background it is painted
// on (the nearest opaque background, semi-transparent ones blended in): the ones below AA, 4.5:1
// (3:1 for large text), one per colour pair, as '"text" colour on background = ratio'.
function lowContrast(selector: string): string[] {
  type Rgb = { r: number; g: number; b: number; a: number };
  const parse = (c: string): Rgb | null => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: r!, g: g!, b: b!, a };
  };
  const blend = (top: Rgb, base: Rgb): Rgb => ({ r: top.r * top.a + base.r * (1 - top.a), g: top.g * top.a + base.g * (1 - top.a), b: top.b * top.a + base.b * (1 - top.a), a: 1 });
  const lum = ({ r, g, b }: Rgb) => {
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el: Element | null): Rgb => {
    const layers: Rgb[] = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    return layers.reverse().reduce((base, c) => blend(c, base), { r: 255, g: 255, b: 255, a: 1 });
  };
  const out: string[] = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent!.trim();
      const el = walker.currentNode.parentElement!;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!text || box.width === 0 || style.visibility === "hidden" || Number(style.opacity) === 0) continue;
      const bg = background(el);
      const fg = blend(parse(style.color)!, bg);
      const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const ratio = (hi! + 0.05) / (lo! + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const pair = `${style.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)}) = ${ratio.toFixed(2)}`;
      if (ratio < (large ? 3 : 4.5) && !out.some((o) => o.endsWith(` ${pair}`))) out.push(`"${text.slice(0, 30).replace(/"/g, "'")}" ${pair}`);
    }
  }
  return out;
}

const SUB_PATH = "/docs/puffle/";
let outDir: string;
let server: http.Server;
let base: string;

/** Redoc's fragment of an operation (`#/threads/updatethread` without `#/`): its tag and operationId, lower-case. */
const anchorOf = ({ tags, operationId }: { tags: readonly unknown[]; operationId: string }): string => `${String(tags[0]).toLowerCase()}/${operationId.toLowerCase()}`;

/**
 * Opens the overview, then the first operation at its own address (each loaded afresh), and yields
 * each one's fragment ("" for the overview) once Redoc has rendered it.
 */
async function* overviewAndOperation(page: Page): AsyncGenerator<string> {
  const op = operationsOf(spec)[0]!;
  const anchor = anchorOf(op.operation);
  for (const fragment of ["", `#/${anchor}`]) {
    await page.goto(`${base}/index.html${fragment}`);
    await page.reload();
    if (fragment) await page.locator(`[id="${anchor}"]`).getByRole("heading", { name: op.operation.summary }).waitFor();
    else await page.locator('#redoc a[href="openapi.json"]').waitFor();
    yield fragment;
  }
}
let browser: Browser;
const served: string[] = [];

beforeAll(async () => {
  requireChromium();
  outDir = mkdtempSync(path.join(os.tmpdir(), "puffle-docs-reader-"));
  execFileSync(process.execPath, [path.join(root, "scripts/docs.mjs"), outDir], { cwd: root, stdio: "pipe" });
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    served.push(url.pathname);
    // At the root (/index.html) and on a sub-path (/docs/puffle/, as a site hosts it among others).
    const name = url.pathname === `${SUB_PATH}` ? "index.html" : path.basename(url.pathname);
    if (!["index.html", "openapi.json"].includes(name) || ![`/${name}`, `${SUB_PATH}${name}`, SUB_PATH].includes(url.pathname)) {
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
    args: [...CHROMIUM_ARGS, "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
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

  // Redoc shows no link to the spec by itself: a publisher shipping the page and openapi.json had
  // nothing for readers to download it from but the note without JavaScript. The overview links it,
  // relatively, so the link holds wherever the two files are hosted together.
  it("links openapi.json, next to it, from the overview (at the root and on a sub-path)", async () => {
    for (const dir of [`${base}/`, `${base}${SUB_PATH}`]) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(dir === `${base}/` ? `${base}/index.html` : dir);
        await page.getByText(spec.info.title).first().waitFor();
        const link = page.locator('#redoc a[href="openapi.json"]');
        await expect.poll(() => link.count(), { message: dir }).toBe(1);
        expect(await link.isVisible()).toBe(true);
        expect(await link.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${dir}openapi.json`);
        const [response] = await Promise.all([page.waitForResponse(`${dir}openapi.json`), link.click()]);
        expect(response.status()).toBe(200);
        const body = await response.json();
        expect(body.info.title).toBe(spec.info.title);
        expect(Object.keys(body.paths)).toEqual(Object.keys(spec.paths));
      } finally {
        await context.close();
      }
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

  // Body text and code, as a reader sees them (light and dark), must meet WCAG AA: every code sample
  // (curl, CLI, TypeScript, the payload) and every response example of every operation. Redoc's
  // default code colours did not (curl's words 2.9:1, JSON strings 4.46:1 on the code background).
  for (const colorScheme of ["light", "dark"] as const) {
    it(`text and code meet WCAG AA contrast (4.5:1), ${colorScheme} colour scheme`, async () => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1400, height: 1000 } });
      const found = new Map<string, string>();
      try {
        const page = await context.newPage();
        for (const op of operationsOf(spec)) {
          const { operationId, tags } = op.operation;
          const anchor = anchorOf({ tags, operationId });
          await page.goto(`${base}/index.html#/${anchor}`);
          const section = page.locator(`[id="${anchor}"]`);
          await section.getByRole("heading", { name: op.operation.summary }).waitFor();
          const check = async (where: string) => {
            for (const line of await page.evaluate(lowContrast, TEXT_AND_CODE)) {
              const pair = line.replace(/^"[^"]*" /, "");
              if (!found.has(pair)) found.set(pair, `${pair}, e.g. ${line.slice(0, line.length - pair.length - 1)} (${operationId}, ${where})`);
            }
          };
          await check("page");
          const labels = [...samples.find((x) => x.operationId === operationId)!.samples.map((x) => x.label), "Payload"];
          const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          for (const label of labels) {
            await section.getByText(new RegExp(`^(${labels.map(escape).join("|")})$`)).first().click();
            await page.getByRole("menuitem", { name: label }).click();
            await expect.poll(async () => (await section.innerText()).includes(label)).toBe(true);
            await check(label);
          }
          const samplePanel = section.getByText("Response", { exact: true }).last().locator("..");
          for (const status of Object.keys(op.operation.responses)) {
            await samplePanel.getByText(status, { exact: true }).first().click();
            await check(`response ${status}`);
          }
        }
      } finally {
        await context.close();
      }
      expect([...found.values()]).toEqual([]);
    }, 120_000);
  }

  // The rest of the page's text too, not only the body text and code above: the sidebar, the HTTP
  // method badges (Redoc's PATCH was #f5c31d, 1.6:1 on white), links (#1f7cff, 3.9:1), the search
  // button's label and the search box's placeholder (2.7:1 light, 2.2:1 dark). A lone symbol drawn
  // as an icon (the "−" of a collapse button) is held to 3:1, as a graphical object (WCAG 1.4.11).
  for (const colorScheme of ["light", "dark"] as const) {
    it(`every text of the page, the method badges, links and the search placeholder meet WCAG AA, ${colorScheme} colour scheme`, async () => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1400, height: 1000 } });
      const found: string[] = [];
      try {
        const page = await context.newPage();
        for await (const fragment of overviewAndOperation(page)) {
          const icon = /^"[^\p{L}\p{N}]" .* = (\d+\.\d+)$/u;
          found.push(...(await page.evaluate(lowContrast, "body")).filter((line) => !(icon.test(line) && Number(icon.exec(line)![1]) >= 3)).map((line) => `${line} (${fragment || "overview"})`));
        }
        await page.locator('[data-testid="search-trigger"]').first().click();
        const input = page.getByPlaceholder("Search docs...");
        await input.waitFor();
        // A ::placeholder is no text node: its text is drawn in a probe beside the box, in its colour and font.
        await input.evaluate((el) => {
          const probe = document.createElement("span");
          probe.textContent = (el as HTMLInputElement).placeholder;
          probe.style.color = getComputedStyle(el, "::placeholder").color;
          probe.style.font = getComputedStyle(el).font;
          el.parentElement!.append(probe);
        });
        found.push(...(await page.evaluate(lowContrast, "body")).filter((line) => line.startsWith('"Search docs..."')).map((line) => `${line} (search placeholder)`));
      } finally {
        await context.close();
      }
      expect(found).toEqual([]);
    }, 60_000);
  }

  // The sidebar (every tag and operation, search, the colour switch) came before the reference in Tab
  // order on every page, with nothing to skip it (WCAG 2.4.1). The first Tab reaches a "Skip to the
  // reference" link, shown on screen while focused; Enter moves focus to the reference, whose first
  // control the next Tab reaches, and the page stays where it was (the link does not route).
  it("a skip link, first in Tab order and visible when focused, moves focus past the sidebar", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const page = await context.newPage();
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement!;
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return {
            text: (el as HTMLElement).innerText?.trim().slice(0, 40) ?? "",
            inMain: el.closest("#redoc main") !== null,
            onScreen: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
            outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
          };
        });
      for await (const fragment of overviewAndOperation(page)) {
        // From the top of the page (a fragment's target would otherwise be where Tab starts).
        await page.evaluate(() => {
          (document.activeElement as HTMLElement | null)?.blur();
          document.body.focus();
        });
        await page.keyboard.press("Tab");
        expect(await focused(), fragment || "overview").toEqual({ text: "Skip to the reference", inMain: false, onScreen: true, outline: true });
        const url = page.url();
        await page.keyboard.press("Enter");
        await expect.poll(async () => (await focused()).inMain, { message: `${fragment || "overview"}: Enter` }).toBe(true);
        await page.keyboard.press("Tab");
        const next = await focused();
        expect(next.inMain, `${fragment || "overview"}: the next Tab reached "${next.text}"`).toBe(true);
        expect(page.url()).toBe(url);
      }
    } finally {
      await context.close();
    }
  });

  // Landmarks, as the browser's accessibility tree (what a screen reader lists) has them: Redoc's page
  // had <main> only, its sidebar (search, every tag and operation) a plain <div>. The sidebar is a
  // named navigation landmark holding every tag's and operation's link, and stays one after Redoc
  // renders another page.
  it("has a main and a named navigation landmark holding the sidebar's links", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const landmarks = async () => {
        const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
        return nodes.filter((n) => !n.ignored && ["main", "navigation", "banner", "contentinfo", "complementary", "region", "search"].includes(n.role?.value ?? "")).map((n) => `${n.role!.value} ${n.name?.value ?? ""}`.trim());
      };
      const inNavigation = () => page.locator('#redoc a[href^="#/"]').evaluateAll((links) => links.filter((a) => a.closest('[role="navigation"]')).map((a) => a.getAttribute("href")));
      const ops = operationsOf(spec);
      // Every tag's link; an operation's shows once its tag is open (below).
      const expected = [...new Set(ops.map(({ operation: { tags } }) => `#/${String(tags[0]).toLowerCase()}`))];
      await page.goto(`${base}/index.html`);
      await page.locator('#redoc a[href="openapi.json"]').waitFor();
      await expect.poll(landmarks).toEqual(["navigation API reference contents", "main"]);
      expect(await inNavigation()).toEqual(expect.arrayContaining(expected));
      const { tags, operationId, summary } = ops.at(-1)!.operation;
      const anchor = anchorOf({ tags, operationId });
      await page.locator(`a[href="#/${anchor}"]`).first().click();
      await page.locator(`[id="${anchor}"]`).getByRole("heading", { name: summary }).waitFor();
      await expect.poll(landmarks).toEqual(["navigation API reference contents", "main"]);
      await expect.poll(inNavigation).toEqual(expect.arrayContaining([...expected, `#/${anchor}`]));
    } finally {
      await context.close();
    }
  });

  // What a screen reader gets, read from the browser's accessibility tree: on the overview, then on
  // every operation page Redoc renders after a click in the sidebar (new elements each time).
  type AxNode = { ignored: boolean; role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] };
  type AxButton = { name: string; pressed: unknown; expanded: unknown };
  const axReader = async (page: Page) => {
    const cdp = await page.context().newCDPSession(page);
    return async () => {
      const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AxNode[] };
      const state = (n: AxNode, name: string) => n.properties?.find((p) => p.name === name)?.value.value;
      const shown = nodes.filter((n) => !n.ignored);
      return {
        images: shown.filter((n) => ["image", "img", "graphics-document", "graphics-symbol"].includes(n.role?.value ?? "") && !n.name?.value).length,
        headings: shown.filter((n) => n.role?.value === "heading").map((n) => n.name?.value ?? ""),
        levels: shown.filter((n) => n.role?.value === "heading").map((n) => `${state(n, "level")} ${n.name?.value ?? ""}`),
        buttons: shown.filter((n) => n.role?.value === "button").map((n) => ({ name: n.name?.value ?? "", pressed: state(n, "pressed"), expanded: state(n, "expanded") })),
      };
    };
  };
  const eachPage = async (visit: (where: string, read: () => Promise<{ images: number; headings: string[]; levels: string[]; buttons: AxButton[] }>, page: Page, op?: { summary: string; operationId: string; tags: string[]; responses: Record<string, unknown> }) => Promise<void>) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const page = await context.newPage();
      const read = await axReader(page);
      await page.goto(`${base}/index.html`);
      await page.locator('#redoc a[href="openapi.json"]').waitFor();
      // Every tag's section is rendered (its heading), not only the first.
      const tagNames = [...new Set(operationsOf(spec).map(({ operation: { tags } }) => String(tags[0])))];
      for (const tag of tagNames) await page.locator(`[id="${tag.toLowerCase()}"] :is(h1, h2, h3)`).first().waitFor();
      await visit("overview", read, page);
      for (const { operation } of operationsOf(spec)) {
        const anchor = anchorOf(operation);
        await page.locator(`a[href="#/${anchor}"]`).first().click();
        await page.locator(`[id="${anchor}"] :is(h1, h2, h3)`, { hasText: operation.summary }).first().waitFor();
        await visit(operation.operationId, read, page, operation);
      }
    } finally {
      await context.close();
    }
  };

  // Redoc's colour switch was named "light" (the icon's mode), a property's nested-schema toggle "−"
  // or "+ Show array property" and a tag's cut-short section "+ Show", none with a state. The switch
  // is a toggle named for what it does and says whether it is on; a toggle names its property and
  // says whether it is open; a click flips both.
  it("the colour switch and the show/hide buttons say what they do and their state", async () => {
    let toggled = 0;
    await eachPage(async (where, read, page) => {
      const { buttons } = await read();
      expect(buttons.filter((b) => /^[-+\u2212]|^(light|dark)$/.test(b.name.trim())), where).toEqual([]);
      expect(buttons.filter((b) => b.name === "Dark colour scheme"), where).toEqual([{ name: "Dark colour scheme", pressed: "false", expanded: undefined }]);
      const toggles = buttons.filter((b) => /^(Hide the properties|Show .*) of \S+$/.test(b.name));
      for (const b of toggles) expect(b.expanded, `${where}: ${b.name}`).toBe(b.name.startsWith("Hide "));
      const open = toggles.find((b) => b.expanded === true);
      if (where !== "overview") expect(open, `${where}: an open nested schema`).toBeDefined();
      if (open) {
        const property = / of (\S+)$/.exec(open.name)![1]!;
        await page.getByRole("button", { name: open.name, exact: true }).first().click();
        await expect.poll(async () => (await read()).buttons.some((b) => b.name.startsWith("Show ") && b.name.endsWith(` of ${property}`) && b.expanded === false), { message: `${where}: ${open.name} clicked` }).toBe(true);
        toggled += 1;
      }
    });
    expect(toggled).toBe(operationsOf(spec).length);
    await eachPage(async (where, read, page) => {
      if (where !== "overview") return;
      await page.getByRole("button", { name: "Dark colour scheme" }).click();
      await expect.poll(async () => (await read()).buttons.filter((b) => b.name === "Dark colour scheme")).toEqual([{ name: "Dark colour scheme", pressed: "true", expanded: undefined }]);
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    });
  });

  // The right-hand panel, status by status. Its response status buttons ("200", "400" …) said
  // nothing of which example is shown; a JSON example's fold buttons were all named "collapse" (no
  // property, no state, still "collapse" once folded). Each status button says whether it is the one
  // shown (the middle panel's tab in step); a fold button names its key ("item N of <key>" in an
  // array) and says whether it is open; a click folds it and says so.
  const rightPanel = async (visit: (status: string, read: () => Promise<{ buttons: AxButton[] }>, page: Page, op: { operationId: string }) => Promise<void>) => {
    await eachPage(async (where, read, page, op) => {
      if (!op) return;
      const section = page.locator(`[id="${anchorOf(op)}"]`);
      for (const status of Object.keys(op.responses)) {
        await section.locator(".panel-response-samples button", { hasText: new RegExp(`^${status}$`) }).click();
        await expect.poll(() => section.locator('[role="tab"][aria-selected="true"]').innerText(), { message: `${where}: ${status}` }).toBe(status);
        await visit(status, read, page, op);
      }
    });
  };

  it("the right-hand panel's response status buttons say which example is shown", async () => {
    let seen = 0;
    await rightPanel(async (status, read, _page, op) => {
      const statuses = Object.keys(operationsOf(spec).find((o) => o.operation.operationId === op.operationId)!.operation.responses);
      await expect.poll(async () => (await read()).buttons.filter((b) => statuses.includes(b.name)), { message: `${op.operationId}: ${status}` }).toEqual(statuses.map((s) => ({ name: s, pressed: String(s === status), expanded: undefined })));
      seen += 1;
    });
    expect(seen).toBe(operationsOf(spec).reduce((n, o) => n + Object.keys(o.operation.responses).length, 0));
  });

  it("the JSON examples' fold buttons name their key and say whether they are open", async () => {
    const names = new Set<string>();
    const perOp = new Map<string, number>();
    await rightPanel(async (status, read, page, op) => {
      const where = `${op.operationId} ${status}`;
      await expect.poll(async () => (await read()).buttons.filter((b) => /^(collapse|expand)$/i.test(b.name.trim())), { message: where }).toEqual([]);
      const folds = (await read()).buttons.filter((b) => /^(Collapse|Expand) (?!all\b)/.test(b.name));
      for (const b of folds) {
        expect(b.name, where).toMatch(/^(Collapse|Expand) (item \d+ of )?[\w-]+$/);
        expect(b.expanded, `${where}: ${b.name}`).toBe(b.name.startsWith("Collapse "));
        names.add(b.name.replace(/^\S+ /, ""));
        perOp.set(op.operationId, (perOp.get(op.operationId) ?? 0) + 1);
      }
      const open = folds.find((b) => b.expanded === true);
      if (open) {
        const key = open.name.slice("Collapse ".length);
        await page.getByRole("button", { name: open.name, exact: true }).first().click();
        await expect.poll(async () => (await read()).buttons.filter((b) => b.name.endsWith(` ${key}`) && !b.name.includes(" of the ")), { message: `${where}: ${open.name} clicked` }).toContainEqual({ name: `Expand ${key}`, pressed: undefined, expanded: false });
        await page.getByRole("button", { name: `Expand ${key}`, exact: true }).first().click();
        await expect.poll(async () => (await read()).buttons.map((b) => b.name), { message: `${where}: Expand ${key} clicked` }).toContain(open.name);
      }
    });
    // Each operation's 200 example holds its object under a key; a problem's errors, an array of objects.
    for (const { operation } of operationsOf(spec)) expect(perOp.get(operation.operationId), operation.operationId).toBeGreaterThan(0);
    expect([...names].filter((n) => /^item 1 of errors$/.test(n))).toEqual(["item 1 of errors"]);
  });

  // The right-hand panel's other buttons, and the page actions: "Copy" (of which sample, the section
  // as YAML, the server's URL?), "Collapse all"/"Expand all" (the request body's schema, the
  // response's, the JSON example) and "Example", the dropdown's label standing in for the example's
  // name it shows (WCAG 2.5.3).
  it("Copy, Collapse all / Expand all and the example dropdowns name what they act on", async () => {
    const tagNames = [...new Set(operationsOf(spec).map(({ operation: { tags } }) => String(tags[0])))];
    await eachPage(async (where, read) => {
      const { buttons } = await read();
      expect(buttons.filter((b) => /^(Copy|Collapse all|Expand all|Example)$/.test(b.name.trim())), where).toEqual([]);
      if (where === "overview") expect(buttons.map((b) => b.name), where).toEqual(expect.arrayContaining(tagNames.map((t) => `Copy the ${t} section as YAML`)));
    });
    let dropdowns = 0;
    await rightPanel(async (status, read, _page, op) => {
      const where = `${op.operationId} ${status}`;
      await expect.poll(async () => (await read()).buttons.map((b) => b.name), { message: where }).toEqual(expect.arrayContaining(["Copy the request sample", `Copy the ${status} response example`]));
      const names = (await read()).buttons.map((b) => b.name);
      expect(names.filter((n) => /^(Copy|Collapse all|Expand all|Example)$/.test(n.trim())), where).toEqual([]);
      expect(names.filter((n) => /^(Collapse|Expand) all /.test(n) && !n.endsWith(` ${status} response`) && !n.endsWith(` ${status} response example`) && !/ properties of the request body$/.test(n)), where).toEqual([]);
      expect(names.filter((n) => n.startsWith("Request example: ")), where).toHaveLength(1);
      // A status with one example or none has no dropdown.
      expect(names.filter((n) => / response example: /.test(n) && !n.startsWith(`${status} response example: `)), where).toEqual([]);
      dropdowns += names.filter((n) => n.startsWith(`${status} response example: `)).length;
    });
    expect(dropdowns).toBeGreaterThan(0);
  });

  // Redoc's icons are <svg>s with no title or label (nothing to read): each was an unnamed image.
  it("has no unnamed images: Redoc's icons are hidden from the accessibility tree", async () => {
    await eachPage(async (where, read) => {
      await expect.poll(async () => (await read()).images, { message: where }).toBe(0);
    });
  });

  // A heading's name began with its deep-link anchor's label: "link to Threads Threads".
  it("names each heading by its text, not its deep-link anchor's label", async () => {
    const tagNames = [...new Set(operationsOf(spec).map(({ operation: { tags } }) => String(tags[0])))];
    await eachPage(async (where, read, _page, op) => {
      const expected = op ? [op.summary, "Request", "Responses"] : [`${spec.info.title} (${spec.info.version})`, ...tagNames];
      const { headings } = await read();
      expect(headings, where).toEqual(expect.arrayContaining(expected));
      expect(headings.filter((h) => /^link to /.test(h)), where).toEqual([]);
    });
  });

  // An operation's page had no level-1 heading (the tag and the operation are <h2>s) and went from
  // h2 to h4 (Request, Responses) and h5 (Path). The levels a screen reader gets start at 1 and
  // never skip one; Redoc's elements (and so its styles) stay as they are.
  it("every page's headings start at level 1 and skip no level", async () => {
    const check = async (how: string, read: () => Promise<{ levels: string[] }>, page: Page, op?: { summary: string }) => {
      const { levels } = await read();
      const numbers = levels.map((l) => Number(l.split(" ")[0]));
      expect(numbers[0], `${how}: ${levels.join(", ")}`).toBe(1);
      for (const [i, n] of numbers.entries()) if (i > 0) expect(n, `${how}: ${levels.join(", ")}`).toBeLessThanOrEqual(numbers[i - 1]! + 1);
      if (!op) return;
      // Request and Responses one level under the operation (whatever else Redoc has rendered above it).
      const at = levels.findIndex((l) => l.endsWith(` ${op.summary}`));
      const level = numbers[at]!;
      expect(levels.slice(at, at + 4), how).toEqual(expect.arrayContaining([`${level} ${op.summary}`, `${level + 1} Request`, `${level + 1} Responses`]));
      expect(await page.locator("#redoc main :is(h1, h2, h3, h4, h5, h6)", { hasText: op.summary }).first().evaluate((h) => h.tagName), how).toBe("H2");
    };
    await eachPage((where, read, page, op) => check(where, read, page, op));
    // Opened at an operation's own address, Redoc renders its tag and it, without the overview's <h1>.
    for (const { operation } of operationsOf(spec)) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      try {
        const page = await context.newPage();
        const read = await axReader(page);
        const anchor = anchorOf(operation);
        await page.goto(`${base}/index.html#/${anchor}`);
        await page.locator(`[id="${anchor}"] :is(h1, h2, h3)`, { hasText: operation.summary }).first().waitFor();
        await expect.poll(async () => (await read()).levels.some((l) => l.endsWith(" Responses"))).toBe(true);
        await check(`#/${anchor}`, read, page, operation);
      } finally {
        await context.close();
      }
    }
  });

  // The code-sample language (curl, puffle CLI, TypeScript client, Payload) is a menu button. Redoc's
  // opened on Enter but kept focus on the button: the arrow keys did nothing and the items, rendered
  // at the end of <body>, were reached only by tabbing through the whole page. With the keyboard
  // alone a reader now opens the menu, moves with the arrows, chooses with Enter, and is back on
  // the button, the chosen sample shown; Escape closes the menu and returns to the button.
  it("the code-sample language menu works with the keyboard alone", async () => {
    // A context per operation: Redoc remembers the chosen language from one operation to the next.
    for (const op of operationsOf(spec)) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      try {
        const page = await context.newPage();
        const focused = () => page.evaluate(() => ({ role: document.activeElement?.getAttribute("role") ?? document.activeElement?.tagName, text: document.activeElement?.textContent?.trim() }));
        const { operationId, tags } = op.operation;
        const anchor = anchorOf({ tags, operationId });
        await page.goto(`${base}/index.html#/${anchor}`);
        const section = page.locator(`[id="${anchor}"]`);
        await section.getByRole("heading", { name: op.operation.summary }).waitFor();
        const list = samples.find((x) => x.operationId === operationId)!.samples;
        const labels = [...list.map((x) => x.label), "Payload"];
        const button = section.locator('button[aria-haspopup="menu"]', { hasText: new RegExp(`^${labels[0]}$`) });
        expect(await button.evaluate((b) => (b as HTMLButtonElement).tabIndex)).toBeGreaterThanOrEqual(0);
        await button.focus();
        for (const [i, s] of list.entries()) {
          if (i === 0) continue;
          await page.keyboard.press("Enter");
          await expect.poll(focused, { message: `${operationId}: Enter opens the menu on ${labels[i - 1]}` }).toEqual({ role: "menuitem", text: labels[i - 1] });
          await page.keyboard.press("ArrowDown");
          await expect.poll(focused, { message: `${operationId}: ArrowDown` }).toEqual({ role: "menuitem", text: s.label });
          await page.keyboard.press("Enter");
          await expect.poll(focused, { message: `${operationId}: back on the button` }).toEqual({ role: "BUTTON", text: s.label });
          await expect.poll(async () => (await section.innerText()).replace(/\s+/g, ""), { message: `${operationId}: ${s.label} sample` }).toContain(s.source.replace(/\s+/g, ""));
        }
        await page.keyboard.press("ArrowUp");
        await expect.poll(focused).toEqual({ role: "menuitem", text: list.at(-1)!.label });
        await page.keyboard.press("Escape");
        await expect.poll(focused).toEqual({ role: "BUTTON", text: list.at(-1)!.label });
        expect(await page.locator('[role="menuitem"]').evaluateAll((items) => items.filter((e) => e.getBoundingClientRect().height > 0).length)).toBe(0);
      } finally {
        await context.close();
      }
    }
  }, 120_000);
  // Keyboard focus must be seen: the outline of the focused menu button and menu item contrasts at
  // least 3:1 (WCAG 1.4.11) with the background beside it. Redoc's was #90c2fc, 1.8:1 on white.
  for (const colorScheme of ["light", "dark"] as const) {
    it(`the keyboard focus outline of buttons and menu items is visible (3:1), ${colorScheme} colour scheme`, async () => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1400, height: 1000 } });
      try {
        const page = await context.newPage();
        const op = operationsOf(spec)[0]!;
        const anchor = anchorOf(op.operation);
        await page.goto(`${base}/index.html#/${anchor}`);
        const section = page.locator(`[id="${anchor}"]`);
        await section.getByRole("heading", { name: op.operation.summary }).waitFor();
        const outline = () =>
          page.evaluate(() => {
            const el = document.activeElement!;
            const parse = (c: string) => (/rgba?\(([^)]+)\)/.exec(c)?.[1] ?? "0,0,0,0").split(/[\s,/]+/).filter(Boolean).map(Number);
            const lum = ([r, g, b]: number[]) => [r!, g!, b!].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
            let bg = [255, 255, 255];
            for (let e: Element | null = el.parentElement; e; e = e.parentElement) {
              const c = parse(getComputedStyle(e).backgroundColor);
              if ((c[3] ?? 1) >= 1) {
                bg = c;
                break;
              }
            }
            const style = getComputedStyle(el);
            const [hi, lo] = [lum(parse(style.outlineColor)), lum(bg)].sort((x, y) => y - x);
            return { what: `${el.getAttribute("role") ?? el.tagName} ${el.textContent?.trim()}: ${style.outlineStyle} ${style.outlineColor}`, visible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0, ratio: (hi! + 0.05) / (lo! + 0.05) };
          });
        await section.locator('button[aria-haspopup="menu"]', { hasText: /^curl$/ }).focus();
        await page.keyboard.press("Tab");
        await page.keyboard.press("Shift+Tab");
        const onButton = await outline();
        expect(onButton.visible, onButton.what).toBe(true);
        expect(onButton.ratio, onButton.what).toBeGreaterThanOrEqual(3);
        await page.keyboard.press("Enter");
        await expect.poll(async () => (await outline()).what).toMatch(/^menuitem curl/);
        await page.keyboard.press("ArrowDown");
        const onItem = await outline();
        expect(onItem.visible, onItem.what).toBe(true);
        expect(onItem.ratio, onItem.what).toBeGreaterThanOrEqual(3);
      } finally {
        await context.close();
      }
    });
  }
});

// The spec's own text, as `npm run docs` builds it: a copy of the repository's scripts next to an
// edited bundle (openapi/ and generated/ untouched). Redoc embeds the text JSON-escaped and renders
// its Markdown and HTML in the browser, so the check of the built page for external resources did
// not see an image or iframe in a description: the page fetched it from every reader's browser.
describe("npm run docs on a spec whose text loads something, or holds HTML", () => {
  let work: string;
  const edited = (edit: (s: typeof spec) => void) => {
    const copy = structuredClone(spec);
    edit(copy);
    writeFileSync(path.join(work, "generated/openapi.json"), JSON.stringify(copy));
  };
  const build = (out: string) => spawnSync(process.execPath, [path.join(work, "scripts/docs.mjs"), out], { cwd: work, encoding: "utf8" });
  const firstOp = () => Object.keys(spec.paths)[0]!;

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), "puffle-docs-spec-"));
    cpSync(path.join(root, "scripts"), path.join(work, "scripts"), { recursive: true });
    symlinkSync(path.join(root, "node_modules"), path.join(work, "node_modules"));
    mkdirSync(path.join(work, "generated"));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const [what, edit, says] of [
    ["an <img> in an operation description", (s: typeof spec) => (s.paths[firstOp()].patch.description += ' <img src="https://tracker.example/p.gif">'), `#/paths/${firstOp().replace(/\//g, "~1")}/patch/description loads an <img> of https://tracker.example/p.gif`],
    ["an <iframe> in a tag description", (s: typeof spec) => (s.tags[1].description += '\n\n<iframe src="//video.example/embed"></iframe>'), "#/tags/1/description loads an <iframe> of //video.example/embed"],
    ["a Markdown image in a schema description", (s: typeof spec) => (Object.values<{ description?: string }>(s.components.schemas)[0]!.description = "![diagram](https://cdn.example/d.png)"), `#/components/schemas/${Object.keys(spec.components.schemas)[0]}/description loads a Markdown image of https://cdn.example/d.png`],
  ] as const) {
    it(`refuses ${what} in one line naming the place, and writes nothing`, () => {
      edited(edit);
      const out = path.join(work, "out");
      rmSync(out, { recursive: true, force: true });
      const result = build(out);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(`docs: ${says}; the reference must load nothing from the network`);
      expect(existsSync(out)).toBe(false);
    });
  }

  // Links load nothing; a <script> or an event handler in a description is text Redoc drops, never run.
  it("builds a spec with links, <script> and onerror in its descriptions; nothing runs, nothing is requested", async () => {
    const run = "window.__ran=(window.__ran||[]).concat";
    edited((s) => {
      s.info.description += `\n\nSee [the guide](https://docs.example/guide) or <a href="https://docs.example/">the site</a>.\n\n<script>${run}('info')</script>`;
      s.paths[firstOp()].patch.description += ` <img src="x" onerror="${run}('img')"> <svg onload="${run}('svg')"></svg>`;
      s.paths[firstOp()].patch.summary += " <script>1</script>";
    });
    const out = path.join(work, "html");
    const result = build(out);
    expect(result.status, result.stderr).toBe(0);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      const op = spec.paths[firstOp()].patch;
      for (const fragment of ["", `#/${anchorOf(op)}`]) {
        await page.goto(pathToFileURL(path.join(out, "index.html")).href + fragment);
        await page.getByText(spec.info.title).first().waitFor();
        if (fragment) await page.getByText(`${op.summary} <script>1</script>`).first().waitFor();
        else await page.getByRole("link", { name: "the guide" }).waitFor();
        expect(await page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran)).toBeUndefined();
      }
      expect(requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
