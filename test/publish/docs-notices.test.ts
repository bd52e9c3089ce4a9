// The HTML reference (`npm run docs`) embeds Redoc whole and is Redocly CLI's page template: both
// MIT, whose copyright and permission notices must go with every published copy. Redoc's script
// opens with "@license MIT (c) Copyright … Redocly LLC, all rights reserved" only; the page carries
// both packages' notices in an HTML comment at the top of its head (after the charset declaration),
// read from the installed @redocly/cli, and keeps every licence comment of Redoc's script.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const cliDir = path.join(root, "node_modules/@redocly/cli");
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

let dir: string;
let html: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-docs-notices-"));
  execFileSync(process.execPath, [path.join(root, "scripts/docs.mjs"), dir], { cwd: root, stdio: "pipe" });
  html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A browser reads the page's encoding from the HTTP header, else from a <meta charset> in the first
// 1024 bytes (the HTML standard's prescan); a static host or file:// often gives no charset. The
// licence comment at the top pushed Redoc's `<meta charset="utf8" />` to byte 1,623 (and "utf8" is
// not the value HTML allows): the W3C validator refuses the page, Firefox warns that the declaration
// came too late and parses the page again.
describe("character encoding of the HTML reference", () => {
  it('declares <meta charset="utf-8"> within the first 1024 bytes, once, first in the head', () => {
    const declarations = [...html.matchAll(/<meta\b[^>]*\bcharset\s*=[^>]*>/gi)];
    expect(declarations.map((m) => m[0])).toHaveLength(1);
    const end = Buffer.byteLength(html.slice(0, declarations[0]!.index + declarations[0]![0].length), "utf8");
    expect(end, "the byte where the charset declaration ends").toBeLessThanOrEqual(1024);
    expect(declarations[0]![0]).toBe('<meta charset="utf-8">');
    expect(/<head>\s*<meta charset="utf-8">/.test(html), "first in <head>").toBe(true);
  });
});

describe("licence notices of the HTML reference", () => {
  it("an HTML comment at the top of the head names Redoc and Redocly CLI with their copyright lines and the MIT permission notice", () => {
    const notice = /^<!DOCTYPE html>\r?\n<html\b[^>]*>\s*<head>\s*<meta charset="utf-8">\r?\n<!--([\s\S]*?)-->/i.exec(html)?.[1];
    expect(notice, "a comment right after the head's charset declaration").toBeDefined();
    const redocVersion = /\* Version: (\d+\.\d+\.\d+)/.exec(html)?.[1];
    expect(redocVersion).toBeDefined();
    const notices = fs.readFileSync(path.join(cliDir, "THIRD_PARTY_NOTICES"), "utf8");
    const redocCopyright = new RegExp(`^ {2}redoc@${redocVersion!.replace(/\./g, "\\.")} — (.+)$`, "m").exec(notices)?.[1];
    expect(redocCopyright).toMatch(/^Copyright /);
    const [cliCopyright, ...permission] = fs.readFileSync(path.join(cliDir, "LICENSE"), "utf8").trim().split(/\r?\n/);
    const cliVersion = (JSON.parse(fs.readFileSync(path.join(cliDir, "package.json"), "utf8")) as { version: string }).version;

    expect(notice).toContain(`Redoc ${redocVersion}`);
    expect(notice).toContain(redocCopyright);
    expect(notice).toContain(`Redocly CLI ${cliVersion}`);
    expect(notice).toContain(cliCopyright);
    expect(flat(notice!)).toContain(flat(permission.join("\n")));
    expect(flat(permission.join("\n"))).toMatch(/^Permission is hereby granted.*The above copyright notice and this permission notice shall be included/);
  });

  it("every licence comment of Redoc's script is in the page", () => {
    const bundle = fs.readFileSync(path.join(cliDir, "lib/chunks/redoc.standalone.js"), "utf8");
    const comments = [...bundle.matchAll(/\/\*[\s\S]*?\*\//g)].map((m) => m[0]).filter((c) => /@license|^\/\*!/.test(c));
    expect(comments.length).toBeGreaterThan(0);
    for (const comment of comments) expect(html).toContain(comment);
  });
});
