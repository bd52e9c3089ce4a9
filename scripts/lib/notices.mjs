// The licence notices of the third-party code generated/validators.js carries: AJV's standalone
// code and its ucs2length helper (ajv), the format checks and format patterns (ajv-formats) and
// deep equality (fast-deep-equal), all MIT. The MIT licence asks for its copyright notice and
// permission notice in every copy: they are one `/*! … @license MIT */` comment at the top of the
// file, the kind of comment bundlers and minifiers (rolldown, esbuild, terser) keep when they drop
// the others, so an app bundling the validators carries it too. Only the packages whose code the
// file holds are named. test/pipeline/notices.test.ts holds the copyright lines and the permission
// text to the installed packages' LICENSE files, and the comment to a minified bundle.

export const THIRD_PARTY = {
  ajv: {
    copyright: "Copyright (c) 2015-2021 Evgeny Poberezkin",
    what: "the validators' code (AJV's standalone output) and ucs2length",
    url: "https://github.com/ajv-validator/ajv",
  },
  "ajv-formats": {
    copyright: "Copyright (c) 2020 Evgeny Poberezkin",
    what: "the format checks and format patterns",
    url: "https://github.com/ajv-validator/ajv-formats",
  },
  "fast-deep-equal": {
    copyright: "Copyright (c) 2017 Evgeny Poberezkin",
    what: "equal",
    url: "https://github.com/epoberezkin/fast-deep-equal",
  },
};

/** The MIT licence's text after its copyright line, as the three packages' LICENSE files give it. */
export const MIT_PERMISSION = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;

/**
 * The legal comment for the packages named (keys of THIRD_PARTY), in THIRD_PARTY's order.
 * @param {Iterable<string>} packages
 */
export function legalComment(packages) {
  const wanted = new Set(packages);
  const unknown = [...wanted].filter((name) => !Object.hasOwn(THIRD_PARTY, name));
  if (unknown.length) throw new Error(`no licence notice for ${unknown.join(", ")}: add it to scripts/lib/notices.mjs`);
  const named = Object.entries(THIRD_PARTY).filter(([name]) => wanted.has(name));
  const lines = [
    "This file contains code from the following packages, each under the MIT License:",
    "",
    ...named.flatMap(([name, { copyright, what, url }]) => [`${name} (${url}): ${what}.`, copyright, ""]),
    ...MIT_PERMISSION.split("\n"),
    "",
    "@license MIT",
  ];
  return `/*!\n${lines.map((line) => (line ? ` * ${line}` : " *")).join("\n")}\n */`;
}
