// withoutCredentials (src/url-credentials.ts), how the client's config errors, its network, timeout
// and abort errors and the CLI's --help show a base URL: the user name and password as `***`, and
// for text that is no http(s) URL, everything before the last `@` (after a leading `//`).
import { describe, expect, it } from "vitest";
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
    // An "@" before the "?" or "#" is masked as before (a password holding a "/").
    ["http://deploy:2024/s3cret@127.0.0.1:4010/v1?q=a@b", "http://***@127.0.0.1:4010/v1?***"],
    ["https://deploy:s3cret@api.example.com/v1?q=a@b", "https://***:***@api.example.com/v1?***"],
  ])("%j → %j", (given, shown) => {
    expect(shownBaseUrl(given)).toBe(shown);
  });
});
