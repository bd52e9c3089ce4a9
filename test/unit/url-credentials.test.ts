// withoutCredentials (src/url-credentials.ts), how the client's config errors, its network, timeout
// and abort errors and the CLI's --help show a base URL: the user name and password as `***`, and
// for text that is no http(s) URL, everything before the last `@` (after a leading `//`).
import { describe, expect, it } from "vitest";
import { createPuffleClient } from "../../src/client.js";
import { shownBaseUrl, withoutCredentials } from "../../src/url-credentials.js";

describe("withoutCredentials", () => {
  it.each([
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010"],
    ["https://deploy:s3cret@api.example.com/v1", "https://***:***@api.example.com/v1"],
    ["http://deploy@api.example.com/v1", "http://***@api.example.com/v1"],
    ["http://:s3cret@api.example.com/v1", "http://:***@api.example.com/v1"],
    ["https://api.example.com/a@b", "https://***@b"],
    ["ftp://deploy:s3cret@api.example.com/v1", "ftp://***@api.example.com/v1"],
    ["deploy:s3cret@api.example.com", "***@api.example.com"],
    ["deploy:s3\ncret@api.example.com", "***@api.example.com"],
    ["deploy:s3cret@api.example.com//v1@x", "***@x"],
    // The password `p@ss/w` parses as `p`, the host `ss` and the path `/w@host`: the error showed `ss/w`.
    ["https://deploy:p@ss/w@api.example.com/v1", "https://***@api.example.com/v1"],
    ["https://deploy:s3cret@api.example.com/v1", "https://***:***@api.example.com/v1"],
    // A full-width "＠" (U+FF20) or small "﹫" (U+FE6B), typed for an "@", ends no user name or
    // password for the parser (no URL at all, or one with it in the path): shown whole, password and all.
    ["http://deploy:s3cret\uFF20api.example.com/v1", "http://***\uFF20api.example.com/v1"],
    ["http://s3cret\uFF20api.example.com", "http://***\uFF20api.example.com"],
    ["https://deploy:s3cret\uFE6Bapi.example.com", "https://***\uFE6Bapi.example.com"],
    ["http://deploy:2024/s3cret\uFF20api.example.com/v1", "http://***\uFF20api.example.com/v1"],
    ["deploy:s3cret\uFF20api.example.com", "***\uFF20api.example.com"],
    ["https://deploy:s3cret@api.example.com/v1\uFF20x", "https://***\uFF20x"],
  ])("%j → %j", (given, shown) => {
    expect(withoutCredentials(given)).toBe(shown);
  });
});

// A base URL with a query or fragment is refused, and the error (and the CLI's --help, for
// PUFFLE_BASE_URL) quoted it whole: `?access_token=…` (RFC 6750's query form of a bearer token), an
// OAuth fragment or a signed URL's signature reached the terminal and the logs. Only their text is
// hidden: the message still shows that there is one.
describe("shownBaseUrl", () => {
  it.each([
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010"],
    ["https://api.example.com/v1?access_token=puffle_live_t0ken", "https://api.example.com/v1?***"],
    ["https://api.example.com/v1#access_token=puffle_live_t0ken", "https://api.example.com/v1#***"],
    ["https://api.example.com/v1?sig=puffle_live_t0ken#frag?x", "https://api.example.com/v1?***#***"],
    ["https://api.example.com/v1?", "https://api.example.com/v1?"],
    ["https://api.example.com/v1#", "https://api.example.com/v1#"],
    ["https://deploy:s3cret@api.example.com/v1?key=puffle_live_t0ken", "https://***:***@api.example.com/v1?***"],
    ["api.example.com/v1?key=puffle_live_t0ken", "api.example.com/v1?***"],
    ["deploy:s3cret@api.example.com", "***@api.example.com"],
    // An "@" only in the query or fragment is the query's (the parser's userinfo ends at the first
    // "/", "?" or "#"): everything before the last "@" was masked, hiding the host and showing the
    // query's text after it (`http://***@b`, `https://***@puffle_live_t0ken`).
    ["http://host/?q=a@b", "http://host/?***"],
    ["https://api.example.com/v1?access_token=a@puffle_live_t0ken", "https://api.example.com/v1?***"],
    ["https://api.example.com/v1#state=a@puffle_live_t0ken", "https://api.example.com/v1#***"],
    ["https://api.example.com?token=a@puffle_live_t0ken", "https://api.example.com?***"],
    ["http://[::1]/v1?q=a@b", "http://[::1]/v1?***"],
    // Unless a password may have ended early before the "?" or "#", read as a port: nothing shown.
    ["http://deploy:12?s3cret@127.0.0.1:4010", "http://***?***"],
    ["http://deploy:12/x?s3cret@127.0.0.1:4010", "http://***?***"],
    ["http://127.0.0.1:4010/v1?q=a@b", "http://***?***"],
    ["api.example.com/v1?key=a@puffle_live_t0ken", "***?***"],
    // An "@" before the "?" or "#" and another after it: the password may run to the last one
    // (`s3cret@api.example.com/v1?q=a` is a password), so nothing before the "?" is shown.
    ["http://deploy:2024/s3cret@127.0.0.1:4010/v1?q=a@b", "http://***?***"],
    ["https://deploy:s3cret@api.example.com/v1?q=a@b", "https://***?***"],
    // A password holding "@" and then "?", "#", "/" or "\\" showed its end as the host and path the
    // parser read (`http://***:***@ss/?***` for the password `p@ss?w`); a ":" after a "/" (a user
    // name holding one) showed the password's start; text up to a "//" was kept as if a scheme's.
    ["http://deploy:p@ss?w@127.0.0.1:4010", "http://***?***"],
    ["http://deploy:p@ss#w@127.0.0.1:4010", "http://***#***"],
    ["http://deploy:p@ss@w?x@127.0.0.1:4010", "http://***?***"],
    ["http://deploy/x:s3cret?z@127.0.0.1:4010", "http://***?***"],
    ["http://deploy:p@ss/w@127.0.0.1:4010", "http://***@127.0.0.1:4010"],
    ["http://deploy:p@ss\\w@127.0.0.1:4010/v1", "http://***@127.0.0.1:4010/v1"],
    ["http://deploy:p@s\ts/w@127.0.0.1:4010", "http://***@127.0.0.1:4010"],
    ["http:deploy:s3//cret@127.0.0.1:4010", "***@127.0.0.1:4010"],
    ["deploy:s3//cret@127.0.0.1:4010", "***@127.0.0.1:4010"],
    // The same with a full-width "＠" (U+FF20) or small "﹫" (U+FE6B): the password was shown.
    ["http://deploy:s3cret\uFF20127.0.0.1:4010", "http://***\uFF20127.0.0.1:4010"],
    ["http://s3cret\uFF20api.example.com/v1?key=puffle_live_t0ken", "http://***\uFF20api.example.com/v1?***"],
    ["http://deploy:p?w\uFE6B127.0.0.1:4010", "http://***?***"],
    ["http://deploy:p\uFF20ss?w@127.0.0.1:4010", "http://***?***"],
    // Ordinary URLs are as they were.
    ["https://api.example.com/v1", "https://api.example.com/v1"],
    ["https://api.example.com/v1?q=a\uFF20b", "https://api.example.com/v1?***"],
  ])("%j → %j", (given, shown) => {
    expect(shownBaseUrl(given)).toBe(shown);
  });
});

// Every user:password@host built from a password holding the characters that end a URL's parts
// (and "@", "%", "\", unicode): no piece of the password is shown, whatever the parser made of it.
describe("shownBaseUrl and withoutCredentials never show any of a password", () => {
  const separators = ["", "?", "#", "/", "@", "\\", "%", "%40", ":", "[", "]", "//", "?@", "@/", "é", "\u{1F600}", "\t", " ", "\uFF20", "?\uFF20"];
  const prefixes = ["http://deploy:", "https://:", "HTTP://deploy:", "http:deploy:", "deploy:", " http://deploy:", "http://de/ploy:"];
  const suffixes = ["127.0.0.1:4010", "api.example.com/v1", "[::1]:8080", "host?x", "host/v1#a@b", "host/p@q"];
  it("a grid of passwords, prefixes and hosts", () => {
    const shown: string[] = [];
    for (const a of separators) {
      for (const b of separators) {
        for (const prefix of prefixes) {
          for (const suffix of suffixes) {
            // The last "@" typed as "＠" (U+FF20) or "﹫" (U+FE6B) by an input method, too.
            for (const at of ["@", "\uFF20", "\uFE6B"]) {
              const url = `${prefix}pwone${a}pwtwo${b}pwthree${at}${suffix}`;
              for (const text of [shownBaseUrl(url), withoutCredentials(url)]) if (/pw(one|two|three)/i.test(text)) shown.push(`${url} → ${text}`);
            }
          }
        }
      }
    }
    expect(shown.slice(0, 5)).toEqual([]);
  });
});

// The client's refusal of such a base URL quoted it whole (`new URL` refuses it: no absolute URL).
describe("a base URL with a full-width at, refused", () => {
  it("is quoted without the password", () => {
    for (const baseUrl of ["http://deploy:s3cret\uFF20api.example.com", "http://s3cret\uFE6Bapi.example.com/v1"]) {
      let message = "";
      try {
        createPuffleClient({ baseUrl, apiKey: "puffle_test_alice" });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^createPuffleClient: baseUrl must be an absolute http\(s\) URL, got "http:\/\/\*\*\*[\uFF20\uFE6B]api\.example\.com(\/v1)?"$/);
      expect(message).not.toContain("s3cret");
    }
  });
});
