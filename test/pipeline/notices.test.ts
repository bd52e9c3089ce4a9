// generated/validators.js ships third-party code: AJV's standalone output and its ucs2length (ajv),
// the format checks and patterns (ajv-formats), and, for a spec that compares objects, equal
// (fast-deep-equal) — all MIT, whose notice must go with every copy. The file carries each one's
// copyright line and the permission notice in a `/*! … @license MIT */` comment
// (scripts/lib/notices.mjs), which a minifier keeps: `//` comments are dropped from a bundle.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundledCode } from "../bundle.js";
import { root, type Json } from "../helpers.js";
import { validatorsStep } from "../issues-differential.js";

const { THIRD_PARTY, MIT_PERMISSION } = (await import(path.join(root, "scripts/lib/notices.mjs"))) as {
  THIRD_PARTY: Record<string, { copyright: string }>;
  MIT_PERMISSION: string;
};

/** Whitespace and comment stars folded, so a notice reads the same in a LICENSE file and in a comment. */
const flat = (text: string) => text.replace(/^\s*\*(?: |$)/gm, "").replace(/\s+/g, " ").trim();

/** The text of the file's `/*!` comments, folded. */
const legalText = (code: string) => [...code.matchAll(/\/\*![\s\S]*?\*\//g)].map((m) => flat(m[0])).join(" ");

/** The packages whose code a generated file holds, read from the code itself. */
function inlined(code: string): string[] {
  const found = ["ajv"]; // every validator is AJV's standalone code
  if (/\bformats\d+(?:\$op)? = |\bfunction (?:dateTime|uri|fullDate)\(/.test(code)) found.push("ajv-formats");
  if (/^function equal\(/m.test(code)) found.push("fast-deep-equal");
  return found;
}

function expectNotices(code: string, packages: string[]) {
  const legal = legalText(code);
  for (const name of packages) expect(legal, name).toContain(flat(THIRD_PARTY[name]!.copyright));
  expect(legal).toContain(flat(MIT_PERMISSION));
  expect(legal).toContain("@license MIT");
}

describe("third-party notices in the generated validators", () => {
  it("the notices are the installed packages' own: their copyright lines and permission text", () => {
    for (const [name, { copyright }] of Object.entries(THIRD_PARTY)) {
      const license = fs.readFileSync(path.join(root, "node_modules", name, "LICENSE"), "utf8");
      const lines = license.split(/\r?\n/);
      const at = lines.findIndex((line) => /^Copyright/.test(line));
      expect(lines[at], name).toBe(copyright);
      expect(flat(lines.slice(at + 1).join("\n")), name).toBe(flat(MIT_PERMISSION));
      expect((JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")) as { license: string }).license).toBe("MIT");
    }
  });

  it("generated/validators.js names ajv and ajv-formats with the permission notice, and not fast-deep-equal, whose code it lacks", () => {
    const code = fs.readFileSync(path.join(root, "generated/validators.js"), "utf8");
    expect(inlined(code)).toEqual(["ajv", "ajv-formats"]);
    expectNotices(code, ["ajv", "ajv-formats"]);
    expect(legalText(code)).not.toContain(THIRD_PARTY["fast-deep-equal"]!.copyright);
  });

  it("a spec whose validators inline equal (const of an object) names fast-deep-equal too", async () => {
    const fixture = path.join(root, "test/pipeline/fixtures/keywords.openapi.json");
    const { buildValidators } = await validatorsStep();
    const { js } = buildValidators(JSON.parse(fs.readFileSync(fixture, "utf8")) as Json, { root: fixture, header: (prefix) => `${prefix} test fixture` });
    expect(inlined(js)).toEqual(["ajv", "ajv-formats", "fast-deep-equal"]);
    expectNotices(js, ["ajv", "ajv-formats", "fast-deep-equal"]);
  });

  it("a minified bundle of one validator keeps the notice", async () => {
    const code = await bundledCode(["validateUpdateConversationResponse"], path.join(root, "src/validators.ts"));
    expect(code).toMatch(/25\[0-5\]/); // the uri format's code is in it
    expectNotices(code, ["ajv", "ajv-formats"]);
  });
});
