// Shared by the tests that run the client in a browser: a rolldown browser bundle of an entry file,
// Debian's Chromium (driven by playwright-core; when it is missing the client's tests skip and the
// HTML reference's fail, `requireChromium`), and what
// a page needs to load the bundle (its HTML and its chunks by URL path).
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { rolldown } from "rolldown";
import type { OutputChunk } from "rolldown";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const CHROMIUM_ARGS: readonly string[] = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

/**
 * Fails (rather than skips) a suite that must run in a browser when Debian's Chromium is missing: the
 * HTML reference's tests, which `.ci/run` installs it for.
 */
export function requireChromium(): void {
  if (!hasChromium) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does`);
}

/** Debian's Chromium, headless; the caller closes it (in a `finally` or an `afterAll`). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
}

export interface BrowserBundle {
  readonly chunks: readonly OutputChunk[];
  /** The modules bundled, as paths relative to `cwd` with `/` separators. */
  readonly modules: readonly string[];
  /** The HTML of a page that loads the entry chunk as a module. */
  readonly html: string;
  /** The code of the chunk a page asks for at `pathname` (`/<fileName>`), if there is one. */
  chunkAt(pathname: string): string | undefined;
}

/**
 * A rolldown browser bundle (ES modules, tree-shaken) of `source`, written to `<cwd>/<name>.js` and
 * resolved from `cwd`, as an app's bundler would resolve it.
 */
export async function bundleForBrowser(cwd: string, name: string, source: string): Promise<BrowserBundle> {
  const entry = path.join(cwd, `${name}.js`);
  writeFileSync(entry, source);
  const build = await rolldown({ input: entry, cwd, platform: "browser", logLevel: "silent", treeshake: true });
  const { output } = await build.generate({ format: "esm" });
  await build.close();
  const chunks = output.flatMap((chunk) => (chunk.type === "chunk" ? [chunk] : []));
  const modules = chunks.flatMap((chunk) => chunk.moduleIds).map((id) => path.relative(cwd, id).split(path.sep).join("/"));
  const entryChunk = chunks.find((chunk) => chunk.isEntry)!;
  return {
    chunks,
    modules,
    html: `<!doctype html><script type="module" src="/${entryChunk.fileName}"></script>`,
    chunkAt: (pathname) => chunks.find((chunk) => `/${chunk.fileName}` === pathname)?.code,
  };
}

/** Collects the page's errors (uncaught exceptions and console errors) into the array returned. */
export function pageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  return problems;
}
