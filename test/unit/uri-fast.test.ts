// scripts/runtime/formats.js answers the common URI shape (scheme://host[:port][/path][?query]
// [#fragment], no userinfo, percent-escapes or IP literal) with a simpler regex before ajv-formats'
// URI regex: the verdict must stay ajv-formats' own on every string. The corpus: URIs of every
// part and character class, the shapes the fast path leaves to the regex, and random edits of them
// drawn from an alphabet of every character the two readings treat differently.
import { describe, expect, it } from "vitest";
import { fullFormats } from "ajv-formats/dist/formats.js";
// @ts-expect-error plain JS module without declarations
import { formats } from "../../scripts/runtime/formats.js";
import { randomEdits, seededRandom } from "../helpers.js";

const reference = fullFormats.uri as { validate: (s: string) => boolean } | ((s: string) => boolean);
const theirs = typeof reference === "function" ? reference : reference.validate;
const ours = formats.uri as (s: string) => boolean;

const seeds = [
  "https://linkedin.com/in/jane", "http://a", "HTTPS://Example.COM/A/b", "ftp+x.y-z://h", "https://x:80/p?q=1#f", "https://x:/p", "https://x:8a/p",
  "https://host/a/b/c?x=1&y=2;z=3#frag/part?x", "https://h/~a_b-c.d!$&'()*+,;=:@", "https://h?q/?", "https://h#", "https://h/?#",
  "a://", "a:///", "https:///path", "https://a@b/c", "https://user:pw@b/c", "https://[::1]:8080/x", "https://[v1.x]/", "https://192.168.0.1/",
  "https://x/%20y", "https://x/%2", "https://x/%zz", "mailto:jane@example.com", "urn:isbn:0451450523", "x:/p", "x:p", "x:", "//h/p", "/p", "p",
  "https://a b", "https://é.com", "https://h/é", "https://h/\u0000", "1https://x", "-x://h", "https://x/p?q#f#g", "https://h/[x]", "https://h/{x}",
  "https://h/`", "https://h/\"", "https://h/<>", "https://h/\\", "https://h/|^", "",
];
const alphabet = "aZ09+-._~!$&'()*,;=:@/?#%[]{} é\u00a0\\\"`|^<>\u0000";
const corpus = [...seeds];
const random = seededRandom(7);
for (const seed of seeds) corpus.push(...randomEdits(seed, alphabet, 1500, random));

describe("uri: the fast path for the common shape", () => {
  it("gives ajv-formats' verdict on every string of the corpus", () => {
    const differ = corpus.filter((s) => ours(s) !== theirs(s));
    expect(differ).toEqual([]);
    const verdicts = corpus.map(ours);
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(10_000);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(10_000);
  });
});
