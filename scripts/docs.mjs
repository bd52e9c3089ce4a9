#!/usr/bin/env node
// `npm run docs`: the HTML API reference, dist/docs/index.html.
//
// 1. Reads the bundled spec (generated/openapi.json; run `npm run generate` first if openapi/ changed).
// 2. Decorates a copy with `x-codeSamples` (curl, the `puffle` CLI, the TypeScript client) made from
//    the spec's examples by scripts/publish/code-samples.mjs, and writes it to dist/docs/openapi.json.
//    In that copy, the descriptions Redoc 3 never shows (a body's schema's, a $ref'd schema's under a
//    property's own) follow the descriptions it does show (scripts/publish/schema-descriptions.mjs).
// 3. Runs `redocly build-docs --inlineBundle` on that copy, so the page needs no network when viewed
//    (Redoc's scripts are embedded; telemetry is off).
// openapi/ and generated/ are never written (an OUT_DIR in either is refused, exit 2).
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pointerOf } from "./lib/spec.mjs";
import { decorateWithCodeSamples } from "./publish/code-samples.mjs";
import { withSchemaDescriptions } from "./publish/schema-descriptions.mjs";
import { exitOnSignals, runStep, shown, signalExitCode, writeFailure, writeFilesAtomically } from "./publish/write-files.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DOWNLOAD_NOTE = "This reference as an OpenAPI 3.1 document, for other tools: [openapi.json](openapi.json).";
const USAGE = "usage: npm run docs -- [OUT_DIR]   (default dist/docs; index.html and openapi.json are written there, never in openapi/ or generated/)";
const fail = (message, code = 1) => {
  process.stderr.write(`docs: ${message}\n${code === 2 ? `${USAGE}\n` : ""}`);
  process.exit(code);
};

// An option is never taken for the output directory: `--help` prints the usage, others exit 2.
const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const option = argv.find((a) => a.startsWith("-"));
if (option) fail(`unknown option ${option}`, 2);
if (argv.length > 1) fail(`one output directory at most, got ${argv.length}: ${argv.join(" ")}`, 2);
const outDir = path.resolve(root, argv[0] ?? "dist/docs");

// openapi/ and generated/ are never written: not as OUT_DIR, nor a folder in them, whether reached
// by `..` or through a symlink. The part of the path that exists is resolved; the rest is made.
const realPath = (file) => {
  try {
    return realpathSync(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(realPath(parent), path.basename(file));
  }
};
for (const guarded of ["openapi", "generated"]) {
  const rel = path.relative(realPath(path.join(root, guarded)), realPath(outDir));
  if (rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))) {
    fail(`output directory ${argv[0]} is ${rel === "" ? "" : "inside "}${guarded}/; openapi/ and generated/ are never written`, 2);
  }
}
const bundlePath = path.join(root, "generated/openapi.json");

let spec;
try {
  spec = JSON.parse(readFileSync(bundlePath, "utf8"));
} catch (err) {
  fail(`cannot read the bundled spec ${path.relative(root, bundlePath)} (${err.code ?? err.message}); run \`npm run generate\` first`);
}
// The page must load nothing from the network, and the check on the built page below cannot see
// the spec's own text: Redoc embeds it JSON-escaped and renders its Markdown and HTML in the browser,
// where an `<img src="https://…">`, `<iframe>` or `![…](https://…)` in a description is fetched by
// every reader (an `x-logo` is in the built page, caught there). Links (`<a href>`, `[…](…)`) load
// nothing and are fine.
const LOADS = [
  [/<(img|iframe|script|link|video|audio|source|track|embed|object|image|input|frame)\b[^>]*?\b(?:src|href|data|srcset|poster|xlink:href)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/gi, (m) => `an <${m[1].toLowerCase()}> of ${m[2]}`],
  [/!\[[^\]]*\]\(\s*<?((?:https?:)?\/\/[^)\s>]+)/gi, (m) => `a Markdown image of ${m[1]}`],
  [/url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi, (m) => `a CSS url() of ${m[1]}`],
];
const findLoads = (node, keys = []) => {
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const here = [...keys, key];
    if (typeof value === "string" && key === "description") {
      return LOADS.flatMap(([re, say]) => [...value.matchAll(re)].map(say)).map((what) => `#${pointerOf(...here)} loads ${what}`);
    }
    return findLoads(value, here);
  });
};
const loads = findLoads(spec);
// Redoc shows info.x-logo.url as the sidebar's <img>: one on another host is fetched by every reader too.
// Resolved as the browser resolves it against the page's own URL (a stand-in), not matched as text:
// `\\host/logo.png`, `/\host/…` and a tab or line break inside `https://` reach another host as well.
const logoUrl = spec.info?.["x-logo"]?.url;
const PAGE_HOST = "page.invalid";
const logoHref = (() => {
  if (typeof logoUrl !== "string") return undefined;
  try {
    const url = new URL(logoUrl, `https://${PAGE_HOST}/docs/`);
    return url.host !== "" && url.host !== PAGE_HOST ? url.href : undefined;
  } catch {
    return undefined;
  }
})();
if (logoHref !== undefined) loads.unshift(`#/info/x-logo/url loads an image of ${logoHref}`);
if (loads.length > 0) {
  fail(`${loads[0]}; the reference must load nothing from the network (link to it, or embed it as a data: URL)${loads.length > 1 ? ` (and ${loads.length - 1} more: ${loads.slice(1).join("; ")})` : ""}`);
}
let decorated;
try {
  decorated = decorateWithCodeSamples(withSchemaDescriptions(spec));
  // Redoc shows no download link by itself (its `downloadUrls` panel also turns on "Open in
  // Claude/ChatGPT" page actions): the overview links the copy written next to the page, a relative
  // link, so it holds on a sub-path and from file:// too.
  decorated.info.description = `${decorated.info.description ? `${decorated.info.description.trimEnd()}\n\n` : ""}${DOWNLOAD_NOTE}`;
} catch (err) {
  fail(`cannot make the code samples: ${err.message}`);
}
try {
  mkdirSync(outDir, { recursive: true });
} catch (err) {
  fail(`cannot write to ${outDir} (${err.code ?? err.message})`);
}
const decoratedPath = path.join(outDir, "openapi.json");
const outFile = path.join(outDir, "index.html");
// Redoc builds the page in a temporary folder; index.html and openapi.json are written to OUT_DIR
// only once every check below has passed (both through temporary names and renames), so a failed
// check leaves no page that calls out, and an earlier page and its openapi.json as they were.
// A signal (Ctrl-C's SIGINT, a CI's SIGTERM) ended the process by its default action, without its
// "exit" listeners: the folder stayed in TMPDIR. It now ends it by process.exit, with a shell's
// code (130, 143), the folder removed. Ctrl-C reaches the whole foreground process group, Redoc too:
// its build then ends by that signal, and so does this run (below). One to this process alone (`kill
// PID`, `timeout`) is passed to Redoc (runStep), and the run ends once Redoc has (a second signal kills
// it), nothing written: under spawnSync it waited for the build, then wrote the page, and ended 143
// only then.
exitOnSignals();
const work = mkdtempSync(path.join(os.tmpdir(), "puffle-docs-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const decoratedText = `${JSON.stringify(decorated, null, 2)}\n`;
const workSpec = path.join(work, "openapi.json");
const workPage = path.join(work, "index.html");
writeFileSync(workSpec, decoratedText);

const redocly = path.join(root, "node_modules/@redocly/cli/bin/cli.js");
const result = await runStep(
  process.execPath,
  [
    redocly,
    "build-docs",
    workSpec,
    "--output",
    workPage,
    "--inlineBundle",
    "--title",
    decorated.info.title,
    "--config",
    path.join(root, "scripts/publish/redocly-docs.yaml"),
    "--lint-config",
    "error",
  ],
  { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
);
const stopped = signalExitCode(result.signal);
if (stopped !== undefined) process.exit(stopped);
if (result.status !== 0) {
  process.stderr.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  console.error(`docs: redocly build-docs failed (exit ${result.status})`);
  process.exit(1);
}

// Self-contained: the page must load nothing from the network. Redoc 3's embedded bundle still
// loads its sidebar attribution logo from Redocly's CDN (no option turns it off), so that image is
// swapped for an inline SVG carrying the same attribution text. The swap must find the URLs: if a
// Redoc update moves them, this script fails instead of shipping a page that calls out.
const CDN_LOGOS = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
const logo = (text, width) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16"><text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">${text}</text></svg>`,
  )}`;
let html = readFileSync(workPage, "utf8");
for (const [url, replacement] of [[CDN_LOGOS[0], logo("Redocly", 52)], [CDN_LOGOS[1], logo("R", 10)]]) {
  if (!html.includes(url)) {
    console.error(`docs: expected Redoc's CDN logo URL ${url} in the page; update scripts/docs.mjs`);
    process.exit(1);
  }
  html = html.split(url).join(replacement);
}
// Redoc 3 routes with the fragment (`#/threads/updatethread`), but the sidebar links of the markup it
// renders ahead of time are root-relative (`href="/threads"`), and hydration keeps them as they are.
// A click works (the script catches it); opening one in a new tab, copying it, or a page whose
// scripts did not run leads to `/threads` of the host (`file:///threads` offline), which does not
// exist. They get the fragment form the scripts give the same links. Only that markup is touched
// (between `<div id="redoc">` and the first module script), never Redoc's code.
const SSR_START = '<div id="redoc">';
const SSR_END = '<script type="module">';
const ssrStart = html.indexOf(SSR_START);
const ssrEnd = ssrStart === -1 ? -1 : html.indexOf(SSR_END, ssrStart);
if (ssrEnd === -1) {
  console.error(`docs: expected Redoc's prerendered markup (${SSR_START} … ${SSR_END}) in the page; update scripts/docs.mjs`);
  process.exit(1);
}
const ssr = html.slice(ssrStart, ssrEnd).replace(/(<a\b[^>]*?\bhref=["'])\/(?!\/)/gi, "$1#/");
// Redoc's sidebar (the search, every tag and operation) is a plain <div class="… menu-content">: the
// page's only landmark was <main>, so a screen reader's list of landmarks could not reach the table
// of contents. Redoc renders the page again in the browser (new elements, not the prerendered
// ones), so A11Y_JS below names it a navigation landmark whenever Redoc (re)renders it; the
// class must still be there.
if ((ssr.match(/<div class="[^"]*\bmenu-content\b[^"]*"/g) ?? []).length !== 1) {
  console.error(`docs: expected one sidebar (<div class="… menu-content">) in Redoc's prerendered markup; update scripts/docs.mjs`);
  process.exit(1);
}
// Without JavaScript, Redoc's prerendered markup is the overview page only: the operations, their
// statuses and examples are never shown, and nothing said why. A <noscript> note (outside Redoc's
// markup, so hydration is untouched) says so and points at openapi.json, written next to the page.
const NOSCRIPT =
  '<noscript><p style="margin:0;padding:12px 16px;background:#fff4ce;color:#1f1f1f;font:16px/1.5 sans-serif;border-bottom:1px solid #c9a400">' +
  "This API reference needs JavaScript: without it only the overview below is shown, not the operations, " +
  'their responses or examples. Enable JavaScript, or read the same content in <a href="openapi.json" style="color:#0b4dbd">openapi.json</a> next to this page.</p></noscript>\n';
// A keyboard user met the sidebar's links (every tag and operation, the search, the colour switch)
// before the reference on every page, with no way past them (WCAG 2.4.1). A skip link, first in the
// page and shown when focused, moves focus to Redoc's <main> (SKIP_LINK_JS below): the next Tab is
// in the reference. Its href is the overview's route, so opened on its own it still shows the page.
const SKIP_LINK = '<a class="puffle-skip" href="#/">Skip to the reference</a>\n';
html = html.slice(0, ssrStart) + SKIP_LINK + NOSCRIPT + ssr + html.slice(ssrEnd);
// Browsers ask a page served over HTTP for /favicon.ico when it names no icon: a request to the host
// (a 404 logged as a console error on most static hosts) for a page meant to load nothing. An empty
// inline icon ends that request.
const TITLE_END = "</title>";
const titleEnd = html.indexOf(TITLE_END);
if (titleEnd === -1 || titleEnd > ssrStart) {
  console.error(`docs: expected a <title> in the page's head; update scripts/docs.mjs`);
  process.exit(1);
}
// Redoc's code colours fall short of WCAG AA (4.5:1) on its code background: in the light scheme
// commands, flags and functions (#db7e21, 2.9:1), strings, JSON and properties (#3072db, 4.46:1) and comments
// (#9b9ca8, 2.6:1); in the dark one keywords (#fe409c, 4.3:1) and comments (#555761, 2.0:1). Its
// code-token variables are set to darker (light) or lighter (dark) shades of the same hues.
// The focus outline of buttons and menu items (#90c2fc, 1.8:1 on white in the light scheme) is
// #2558b8 (6.3:1); the dark scheme's is already 9:1.
// Outside code: the PATCH method badge (sidebar and operation header, #f5c31d, 1.6:1 on white) is
// #7a5a00 (5.5:1 on the sidebar's selected row); links (#1f7cff, 3.9:1) #2558b8 (their hover
// colour, #3072db, is 4.6:1 on white); the search button's "Search" and the search box's placeholder (#9b9ca8, 2.7:1
// light; #555761, 2.2:1 dark) #676873 (5.5:1) and #9b9ca8 (5.7:1).
// `:root:not(.dark)` and `html:root.dark` outrank Redoc's `:root` and `:root.dark`.
const CONTRAST_CSS = [
  ":root:not(.dark) .tag-patch{--tag-color:#7a5a00;}",
  ":root:not(.dark){",
  "--link-color-primary:#2558b8;",
  "--input-content-placeholder-color:#676873;",
  ...["string", "property-string", "link"].map((t) => `--code-block-tokens-${t}-color:#2558b8;`),
  ...["function", "class-name", "operator", "url", "variable", "regex"].map((t) => `--code-block-tokens-${t}-color:#a6540f;`),
  "--code-block-tokens-comment-color:#676873;",
  "--button-border-color-focused:#2558b8;",
  "}",
  // The skip link: off screen until focused, then at the top left above Redoc's navbar.
  ".puffle-skip{position:absolute;left:-10000px;top:0;z-index:10000;padding:8px 16px;background:#fff;color:#1b4592;font:600 16px/1.5 sans-serif;}",
  ".puffle-skip:focus{left:8px;top:8px;outline:2px solid #2558b8;outline-offset:2px;}",
  "html:root.dark{",
  "--code-block-tokens-keyword-color:#ff7ab8;",
  "--code-block-tokens-comment-color:#9b9ca8;",
  "--input-content-placeholder-color:#9b9ca8;",
  "}",
].join("");
// Redoc's dropdowns (the code-sample language: curl, puffle CLI, TypeScript client, Payload; the
// server) open with Enter, but focus stays on the button: the arrow keys do nothing, and the items
// are rendered at the end of <body>, so Tab walks the whole page before reaching them. A keyboard
// user could not switch samples. This script gives those menus the WAI-ARIA menu-button keys:
// Enter, Space, ArrowDown or ArrowUp on the button open the menu and focus the current item; the
// arrows, Home and End move; Enter or Space choose, Escape or Tab close; focus returns to the button.
const MENU_KEYS_JS = `(() => {
  let opener = null;
  const items = () => [...document.querySelectorAll('[role="menu"] [role="menuitem"]')].filter((e) => e.getBoundingClientRect().height > 0);
  const back = () => setTimeout(() => { if (opener && opener.isConnected) opener.focus(); opener = null; }, 0);
  const focusItem = (button, tries) => {
    const list = items();
    if (list.length === 0) { if (tries > 0) setTimeout(() => focusItem(button, tries - 1), 20); return; }
    const current = list.find((e) => e.textContent.trim() === button.textContent.trim());
    (current || list[0]).focus();
  };
  document.addEventListener("keydown", (ev) => {
    const target = ev.target instanceof Element ? ev.target : null;
    if (!target || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const item = target.closest('[role="menuitem"]');
    if (item) {
      const list = items();
      const at = list.indexOf(item);
      const move = { ArrowDown: at + 1, ArrowUp: at - 1 + list.length, Home: 0, End: list.length - 1 }[ev.key];
      if (move !== undefined) {
        ev.preventDefault();
        (list[move % list.length] || item).focus();
      } else if (ev.key === " " || ev.key === "Enter") {
        ev.preventDefault();
        ev.stopPropagation();
        item.click();
        back();
      } else if ((ev.key === "Escape" || ev.key === "Tab") && opener) {
        ev.preventDefault();
        if (opener.getAttribute("aria-expanded") === "true") opener.click();
        back();
      }
      return;
    }
    const button = target.closest('button[aria-haspopup="menu"]');
    if (button && ["Enter", " ", "ArrowDown", "ArrowUp"].includes(ev.key)) {
      opener = button;
      // Redoc opens the menu on Enter itself; the other keys click the button.
      if (ev.key !== "Enter") {
        ev.preventDefault();
        if (button.getAttribute("aria-expanded") !== "true") button.click();
      }
      focusItem(button, 10);
    }
  }, true);
})();`;
// The skip link's click (or Enter) focuses Redoc's <main> instead of routing to the overview.
const SKIP_LINK_JS = `document.addEventListener("click", (ev) => {
  const link = ev.target instanceof Element ? ev.target.closest("a.puffle-skip") : null;
  const main = link && document.querySelector("#redoc main");
  if (!main) return;
  ev.preventDefault();
  ev.stopPropagation();
  main.setAttribute("tabindex", "-1");
  main.focus();
}, true);`;
// Names as a screen reader gets them from Redoc's markup (the browser's accessibility tree):
// - the colour-scheme switch was named "light" or "dark" (its icon's mode), not what it does: it is
//   a toggle named "Dark colour scheme", aria-pressed when the page is dark (Redoc's `dark` class
//   on <html>);
// - a property's button that shows or hides its nested properties was named "−" (or "+ Show …"),
//   with no state: it is "Hide the properties of <name>" or "<Show …> of <name>" (the visible
//   words kept, WCAG 2.5.3), aria-expanded as Redoc's data-schema-nested-open says; a tag's "+ Show"
//   (the rest of a cut-short section on the overview) is "Show the whole <tag> section";
// - every icon <svg> (no title, no label: nothing to read) was an unnamed image: aria-hidden;
// - a heading's name began with its deep-link anchor's label ("link to Threads Threads"): the
//   heading is named by its own text (the anchor, a link inside it, keeps its label).
// - an operation opened at its address had no level-1 heading (its tag and it are <h2>s) and went
//   from h2 to h4 (Request, Responses) and h5 (Path): aria-level gives the levels as the headings
//   nest, from 1 and skipping none. Redoc's own elements stay, so do its styles (none select on
//   aria-level) and its links (they use the headings' ids).
// - in the right-hand panel, a JSON example's fold buttons were all named "collapse" (which
//   property? it stays "collapse" when folded, Redoc's "expanded" class the only state): "Collapse
//   <key>"/"Expand <key>" ("item N of <key>" in an array), aria-expanded as that class says;
// - the response status buttons above the example ("200", "400" …) said nothing of which is shown:
//   aria-pressed on the one the middle panel's "Response status" tab has selected (Redoc keeps the
//   two in step);
// - "Copy" (which sample? a section's page action copies it as YAML; a server's copies its URL),
//   "Collapse all"/"Expand all" (the middle panel's response schema, and the JSON example) name
//   what they act on ("Copy the 200 response example", "Expand all properties of the request body",
//   "Collapse all properties of the 200 response" …); an example dropdown, labelled "Example" over the example's name it shows (WCAG
//   2.5.3), is "Request example: <name>" / "<status> response example: <name>".
// Redoc renders again on every route change, and React sets its own attributes back when its
// state changes, so this runs whenever the DOM or those attributes change (setting only what
// differs, so its own changes end there). The markers it relies on must be in Redoc's code.
const A11Y_MARKERS = ["color-mode-switcher", "data-schema-nested-open", "schema-property-item", "schema-name", "data-section-id", "deep-link-anchor", "json-viewer", "panel-request-samples", "panel-response-samples", "data-response-codes-tablist", "schema-expand-all-button", "collapse-all", "copy-button", "panel-servers", "page-actions"];
const missingMarkers = A11Y_MARKERS.filter((marker) => !html.includes(marker));
// The JSON fold button's markup (Redoc's code, minified): its fixed label and its "expanded" class.
if (!/"aria-label":`collapse`,className:[\w$]+\?`expanded`:``/.test(html)) missingMarkers.push("the JSON example's fold button (\"aria-label\":`collapse`,className:…?`expanded`)");
if (missingMarkers.length > 0 || !/<button\b[^>]*\bdata-testid="color-mode-switcher"/.test(ssr)) {
  console.error(`docs: expected Redoc's colour switch (<button data-testid="color-mode-switcher">) and ${A11Y_MARKERS.slice(1).join(", ")} in the page (missing: ${missingMarkers.join(", ") || "the switch's button"}); update scripts/docs.mjs`);
  process.exit(1);
}
const A11Y_JS = `(() => {
  const set = (el, name, value) => { if (el.getAttribute(name) !== value) el.setAttribute(name, value); };
  const textOf = (node) => [...node.childNodes].map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 && !c.matches(".deep-link-anchor") ? textOf(c) : "")).join("");
  // A heading's words without its deep-link anchor, whitespace collapsed.
  const headingText = (heading) => textOf(heading).replace(/\\s+/g, " ").trim();
  // A JSON example's fold button: the key that follows it ("conversation": {), or, for an item of an
  // array, "item N of <key>" (Redoc writes the example as flat text: brackets and commas are read back
  // to the array's "[", strings skipped).
  const keyAfter = (node) => {
    const colon = node && node.nextElementSibling;
    return node && node.nodeType === 1 && colon && colon.textContent.trim() === ":" && node.nextSibling === colon ? node.textContent.trim().replace(/^"|"$/g, "") : "";
  };
  const foldName = (button) => {
    const own = keyAfter(button.nextElementSibling === button.nextSibling ? button.nextElementSibling : null);
    if (own) return own;
    let depth = 0;
    let index = 0;
    for (let node = button.previousSibling; node; node = node.previousSibling) {
      if (node.nodeType === 1) {
        if (depth === 0 && node.textContent.trim() === ",") index += 1;
        continue;
      }
      const text = node.textContent;
      for (let i = text.length - 1; i >= 0; i -= 1) {
        const ch = text[i];
        if (ch === "}" || ch === "]") depth += 1;
        else if (ch === "," && depth === 0) index += 1;
        else if (ch === "{" || ch === "[") {
          if (depth > 0) { depth -= 1; continue; }
          if (ch === "{") return "this object";
          let key = "";
          if (i === 0 || text.slice(0, i).trim() === "") {
            const colon = node.previousSibling;
            if (colon && colon.nodeType === 1 && colon.textContent.trim() === ":") key = keyAfter(colon.previousSibling);
          }
          return "item " + (index + 1) + (key ? " of " + key : "");
        }
      }
    }
    return "this value";
  };
  const fix = () => {
    for (const el of document.querySelectorAll("#redoc .menu-content:not([role])")) {
      el.setAttribute("role", "navigation");
      el.setAttribute("aria-label", "API reference contents");
    }
    const dark = document.documentElement.classList.contains("dark");
    for (const el of document.querySelectorAll('button[data-testid="color-mode-switcher"]')) {
      set(el, "aria-label", "Dark colour scheme");
      set(el, "aria-pressed", String(dark));
    }
    for (const box of document.querySelectorAll("[data-schema-nested-open]")) {
      const button = box.querySelector(":scope > button");
      if (!button) continue;
      const open = box.getAttribute("data-schema-nested-open") === "true";
      const item = box.closest(".schema-property-item");
      const name = item && item.querySelector(".schema-name") ? item.querySelector(".schema-name").textContent.trim() : "";
      const words = button.textContent.replace(/^[\\s+\\u2212-]+/, "").trim();
      set(button, "aria-expanded", String(open));
      set(button, "aria-label", open ? (name ? "Hide the properties of " + name : "Hide the properties") : (words || "Show the properties") + (name ? " of " + name : ""));
    }
    for (const button of document.querySelectorAll("[data-section-id] > button")) {
      const heading = button.parentElement.querySelector("h1, h2, h3, h4, h5, h6");
      const words = button.textContent.replace(/^[\\s+]+/, "").trim();
      if (heading && /^\\s*\\+/.test(button.textContent)) set(button, "aria-label", words + " the whole " + headingText(heading) + " section");
    }
    for (const button of document.querySelectorAll('[data-testid="json-viewer"] pre button:is([aria-label="collapse"], [data-puffle-fold])')) {
      if (!button.hasAttribute("data-puffle-fold")) button.setAttribute("data-puffle-fold", "");
      const open = button.classList.contains("expanded");
      set(button, "aria-label", (open ? "Collapse " : "Expand ") + foldName(button));
      set(button, "aria-expanded", String(open));
    }
    // The API servers panel's (overview) and the endpoint menu's Copy: the URL beside it.
    for (const button of document.querySelectorAll('[data-testid="panel-servers"] [data-testid="copy-button"], [role="menuitem"] [data-testid="copy-button"]')) {
      let url = null;
      for (let e = button.parentElement; e && !url; e = e.parentElement) {
        url = /https?:\\/\\/[^\\s"]+/.exec(e.textContent);
        if (e.matches('[data-testid="panel-body"], [role="menuitem"]')) break;
      }
      if (url) set(button, "aria-label", "Copy " + url[0]);
    }
    for (const section of document.querySelectorAll("[data-section-id]")) {
      const heading = section.querySelector('[data-testid="middle-panel"] :is(h1, h2, h3, h4, h5, h6)');
      const title = heading ? headingText(heading) : "";
      for (const button of section.querySelectorAll(':scope [data-testid="page-actions"] > button')) {
        if (title && button.closest("[data-section-id]") === section && button.textContent.trim() === "Copy") set(button, "aria-label", "Copy the " + title + " section as YAML");
      }
      const tab = section.querySelector('[data-response-codes-tablist] [role="tab"][aria-selected="true"]');
      const code = tab ? tab.textContent.trim() : "";
      // The response's (beside the status tabs) or the request body's (under the Request heading's id).
      for (const button of section.querySelectorAll('[data-testid="schema-expand-all-button"]')) {
        const words = button.textContent.trim();
        if (button.closest("[data-section-id]") !== section || !/^(Collapse|Expand) all$/.test(words)) continue;
        const of = button.parentElement.querySelector("[data-response-codes-tablist]") ? (code ? "the " + code + " response" : "") : button.closest('[id$="/request"]') ? "the request body" : "";
        if (of) set(button, "aria-label", words + " properties of " + of);
      }
      for (const panel of section.querySelectorAll(".panel-request-samples, .panel-response-samples")) {
        if (panel.closest("[data-section-id]") !== section) continue;
        const request = panel.matches(".panel-request-samples");
        if (!request && !code) continue;
        if (!request) {
          for (const button of panel.querySelectorAll("button:not([aria-haspopup]):not([aria-label]):not([data-testid])")) {
            const text = button.textContent.trim();
            if (/^([1-5][0-9X]{2}|default)$/i.test(text)) set(button, "aria-pressed", String(text === code));
          }
        }
        const what = request ? "request sample" : code + " response example";
        for (const button of panel.querySelectorAll('[data-testid="copy-button"]')) {
          if (!button.closest('[role="menuitem"]')) set(button, "aria-label", "Copy the " + what);
        }
        for (const button of panel.querySelectorAll('[data-testid="collapse-all"], [data-testid="expand-all"]')) {
          set(button, "aria-label", (button.matches('[data-testid="collapse-all"]') ? "Collapse all of the " : "Expand all of the ") + what);
        }
        for (const button of panel.querySelectorAll('[data-testid="panel-body"] button[aria-haspopup="menu"]')) {
          const shown = button.textContent.trim();
          if (shown) set(button, "aria-label", (request ? "Request example: " : code + " response example: ") + shown);
        }
      }
    }
    for (const svg of document.querySelectorAll("svg:not([aria-hidden]):not([role]):not([aria-label]):not([aria-labelledby])")) {
      if (!svg.querySelector("title")) set(svg, "aria-hidden", "true");
    }
    for (const heading of document.querySelectorAll("#redoc :is(h1, h2, h3, h4, h5, h6)")) {
      if (!heading.querySelector(".deep-link-anchor")) continue;
      const text = headingText(heading);
      if (text) set(heading, "aria-label", text);
    }
    // Levels as the headings nest, in page order: one under the nearest earlier heading of a smaller
    // tag level, one level deeper than it; the first is 1. Redoc's tags stay (its styles and
    // links use them); aria-level is set only where the level differs.
    const stack = [];
    for (const heading of document.querySelectorAll("#redoc main :is(h1, h2, h3, h4, h5, h6)")) {
      const tag = Number(heading.tagName[1]);
      while (stack.length > 0 && stack[stack.length - 1].tag >= tag) stack.pop();
      const level = stack.length > 0 ? stack[stack.length - 1].level + 1 : 1;
      stack.push({ tag, level });
      if (level === tag) { if (heading.hasAttribute("aria-level")) heading.removeAttribute("aria-level"); }
      else set(heading, "aria-level", String(level));
    }
  };
  fix();
  new MutationObserver(fix).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["class", "data-schema-nested-open", "aria-label", "aria-selected"] });
})();`;
// Printing. Redoc draws an open nested schema (the 200 response's `thread`, its `conversation`) only
// once it is scrolled near: until then it is an empty box of its estimated height (aria-hidden, a
// min-height), and a printout of an operation, or a find in the page, had a blank half page where the
// response's fields belong. Redoc's component for that (a `forceMount` flag, then an
// IntersectionObserver) is made to draw at once: the one change to Redoc's code, found by its shape
// (the build fails if it is gone). A collapsed nested schema ("+ Show array property") is not drawn
// at all: before printing, PRINT_JS opens each one, deeper ones as they appear (React renders a click
// in a microtask, before the browser lays the page out for print); they stay open afterwards.
const LAZY_SCHEMA = /(function [\w$]+\(\{forceMount:([\w$]+)=!1,estimatedHeight:[\w$]+,children:[\w$]+\}\)\{let\[[\w$]+,[\w$]+\]=\(0,[\w$]+\.useState\)\()\2\)/g;
const lazySchemas = [...html.matchAll(LAZY_SCHEMA)];
if (lazySchemas.length !== 1) {
  console.error(`docs: expected Redoc's lazily drawn nested schema (function …({forceMount:e=!1,estimatedHeight:…}){let[…]=(0,….useState)(e)…) once in the page, found ${lazySchemas.length}; update scripts/docs.mjs`);
  process.exit(1);
}
html = html.replace(LAZY_SCHEMA, "$1!0)");
const PRINT_JS = `addEventListener("beforeprint", () => {
  let passes = 0;
  const open = () => {
    const closed = document.querySelectorAll('#redoc [data-schema-nested-open="false"] > button');
    if (closed.length === 0 || (passes += 1) > 20) return;
    for (const button of closed) button.click();
    queueMicrotask(open);
  };
  open();
});`;
html = `${html.slice(0, titleEnd + TITLE_END.length)}\n  <link rel="icon" href="data:,">\n  <style>${CONTRAST_CSS}</style>\n  <script>${MENU_KEYS_JS}\n${SKIP_LINK_JS}\n${A11Y_JS}\n${PRINT_JS}</script>${html.slice(titleEnd + TITLE_END.length)}`;
// Licence notices. Whoever publishes the page distributes Redoc (embedded whole) and Redocly CLI's
// page template, both MIT, whose copyright and permission notices must go with every copy: Redoc's
// bundle opens with "@license MIT (c) Copyright … Redocly LLC, all rights reserved" only — not the
// copyright line of Redoc's LICENSE, and no permission notice. An HTML comment at the top of the page
// (first in <head>, after the charset declaration: below)
// carries both packages' notices, read from the installed @redocly/cli (its LICENSE, and Redoc's
// line in its THIRD_PARTY_NOTICES); the `@license` comments inside Redoc's script stay as they are.
const REDOC_HEADER = /@license MIT\s*\n\* \(c\) Copyright \d+ Redocly LLC[^\n]*\n\* -+\n\* Version: (\d+\.\d+\.\d+)/;
const redocVersion = REDOC_HEADER.exec(html)?.[1];
const cliDir = path.join(root, "node_modules/@redocly/cli");
const cliVersion = JSON.parse(readFileSync(path.join(cliDir, "package.json"), "utf8")).version;
const redocCopyright = redocVersion && new RegExp(`^ {2}redoc@${redocVersion.replace(/\./g, "\\.")} — (Copyright .+)$`, "m").exec(readFileSync(path.join(cliDir, "THIRD_PARTY_NOTICES"), "utf8"))?.[1];
const [cliCopyright, ...cliPermission] = readFileSync(path.join(cliDir, "LICENSE"), "utf8").trim().split(/\r?\n/);
if (!redocCopyright || !/^Copyright /.test(cliCopyright) || !/^Permission is hereby granted/.test(cliPermission.join("\n").trim())) {
  console.error(`docs: expected Redoc's version in its script, its copyright line in @redocly/cli's THIRD_PARTY_NOTICES and an MIT LICENSE in @redocly/cli; update scripts/docs.mjs`);
  process.exit(1);
}
const NOTICE = [
  "<!--",
  `  This page embeds Redoc ${redocVersion} (https://github.com/Redocly/redoc) and is laid out by the`,
  `  template of Redocly CLI ${cliVersion} (https://github.com/Redocly/redocly-cli), both under the MIT License:`,
  "",
  `  Redoc: ${redocCopyright}`,
  `  Redocly CLI: ${cliCopyright}`,
  "",
  ...cliPermission.join("\n").trim().split("\n").map((line) => (line ? `  ${line}` : "")),
  "",
  "  Redoc's script below bundles other open-source packages and keeps their licence comments",
  "  (`@license`) as Redocly ships them; Redocly CLI lists what it bundles, with licences, in the",
  `  THIRD_PARTY_NOTICES file of the @redocly/cli ${cliVersion} npm package.`,
  "-->",
].join("\n");
if (NOTICE.slice(4, -3).includes("--")) {
  console.error("docs: the licence notice would end the page's HTML comment early; update scripts/docs.mjs");
  process.exit(1);
}
// The notice goes right after the page's charset declaration, not before <html>: a browser finds the
// encoding (when the host's Content-Type names none, as from file:// or many static hosts) in a
// <meta charset> ending within the first 1024 bytes (HTML's prescan), and the notice, first at the
// top, pushed Redoc's template's `<meta charset="utf8" />` to byte 1,623: the W3C validator refuses
// it there, and Firefox warns that it came too late and parses the page again. The value is
// "utf-8", the one HTML allows ("utf8" is only a label browsers accept).
const CHARSET = /(<head>\s*)<meta charset=["']?utf-?8["']?\s*\/?>/i;
if ((html.match(new RegExp(CHARSET.source, "gi")) ?? []).length !== 1 || (html.match(/<meta\b[^>]*\bcharset\s*=/gi) ?? []).length !== 1) {
  console.error(`docs: expected one <meta charset="utf8"> first in the page's <head>; update scripts/docs.mjs`);
  process.exit(1);
}
html = html.replace(CHARSET, (_, head) => `${head}<meta charset="utf-8">\n${NOTICE}`);
const charsetEnd = Buffer.byteLength(html.slice(0, html.indexOf('<meta charset="utf-8">') + '<meta charset="utf-8">'.length), "utf8");
if (charsetEnd > 1024) {
  console.error(`docs: the page's <meta charset="utf-8"> ends at byte ${charsetEnd}, past the first 1024 a browser reads it in; update scripts/docs.mjs`);
  process.exit(1);
}
// Any other link of that markup must be a fragment of this page, an absolute http(s)/mailto URL or
// `openapi.json`, the spec written next to the page (DOWNLOAD_NOTE's link): any other relative one
// (`threads`, `./threads`) would leave index.html too.
const leaving = [...ssr.matchAll(/<a\b[^>]*?\bhref=["']([^"']*)["']/gi)].filter((m) => !/^(#|https?:\/\/|mailto:)/i.test(m[1]) && m[1] !== "openapi.json").map((m) => m[0]);
if (leaving.length > 0) {
  console.error(`docs: ${path.relative(root, outFile)} not written: it has links that leave the page; update scripts/docs.mjs: ${leaving.join("; ")}`);
  process.exit(1);
}
const external = [...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["'](https?:)?\/\/[^"']+["']/gi)].map((m) => m[0]);
if (external.length > 0) {
  console.error(`docs: ${path.relative(root, outFile)} not written: the page would load external resources: ${external.join("; ")}`);
  process.exit(1);
}
// Both or neither: a page beside the openapi.json of another build offered a download that is not
// the spec it shows (index.html a folder, say, failed after openapi.json was replaced).
try {
  writeFilesAtomically([[decoratedPath, decoratedText], [outFile, html]]);
} catch (err) {
  fail(writeFailure(err, root, `${shown(outDir, root)} left as it was`));
}
console.log(`docs: wrote ${path.relative(root, outFile)} (${Math.round(html.length / 1024)} KiB) and ${path.relative(root, decoratedPath)}`);
