// Base URLs shown in help and error text without the user name and password they may hold (the
// client and the CLI refuse such URLs; the password is never echoed), nor the text of a query or
// fragment (refused too; where a token travels when it is not in a header).
//
// An "@" here is also a full-width `＠` (U+FF20) or a small `﹫` (U+FE6B), which an input method
// types for one: to the URL parser neither ends a user name or password (`http://deploy:s3cret＠host`
// is no URL, its "port" `s3cret＠host`; `http://s3cret＠host` neither, the host's `＠` read as an "@"),
// so such a URL was quoted whole in the error that refused it, the password with it. Everything
// before the last of them is masked as before the last "@".

/** An "@" or a character typed for one (U+FE6B, U+FF20: those whose NFKC form is "@"). */
const AT = /[@\uFE6B\uFF20]/;

/** Whether `text` holds an "@" (or one of AT's) at or after `from`. */
function hasAt(text: string, from = 0): boolean {
  return AT.test(from === 0 ? text : text.slice(from));
}

/**
 * `url` with its user name and password (if any) shown as `***`; as given when it has none. Text
 * that is no http(s) URL (`u:pass@host`, which parses with the scheme `u:`; `http://u:pa/ss@host`,
 * whose password holds a `/`) has everything before its last `@` (after a `//`) shown as `***`: a
 * password may hold a `/` or an `@` of its own, so no part of it is left to show. So has a URL
 * without credentials that holds an `@` all the same (`http://u:2024/ss@host` parses as the host
 * `u`, the port 2024 and the path `/ss@host`: a `/`, `?` or `#` in the credentials ended them early).
 */
export function withoutCredentials(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    return maskedBeforeLastAt(url);
  }
  if (parsed.username === "" && parsed.password === "") return maskedBeforeLastAt(url); // unchanged without an `@` (or AT's)
  // An `@` past the authority the parser read (after its first `/` or `\`): the password may hold it
  // and what came before it (`http://u:p@ss/w@host`, the password `p@ss/w`, parses as the password
  // `p`, the host `ss` and the path `/w@host`), so the text up to the last `@` is no part to show.
  if (atAfterAuthority(url)) return maskedBeforeLastAt(url);
  if (parsed.username !== "") parsed.username = "***";
  if (parsed.password !== "") parsed.password = "***";
  return parsed.href;
}

/** Whether `url` has an `@` after the end of its authority (its first `/`, `\`, `?` or `#` past the scheme's slashes). */
function atAfterAuthority(url: string): boolean {
  const scheme = /^[\x00-\x20]*[a-z][a-z0-9+.-]*:[/\\\t\n\r]*/i.exec(url);
  if (scheme === null) return hasAt(url);
  const end = url.slice(scheme[0].length).search(/[/\\?#]/);
  return end !== -1 && hasAt(url, scheme[0].length + end);
}

/**
 * `url` with everything before its last `@` (after a leading `scheme://` or `scheme//`, if any) as
 * `***`; as given without an `@`. Only a scheme's name is kept before the `//` (any text up to the
 * first `//` was kept, and `http:deploy:pa//ss@host`'s showed the password's start).
 */
function maskedBeforeLastAt(url: string): string {
  return url.replace(/^((?:[a-z][a-z0-9+.-]*:?\/\/)?)[\s\S]*([@\uFE6B\uFF20])/i, "$1***$2");
}

/**
 * A base URL as the client's config errors and the CLI's `--help` and usage errors show it:
 * `withoutCredentials`, and the text of a query or fragment as `***` (`https://h/v1?***`, `#***`;
 * an empty `?` or `#` as it is). A base URL may have neither, and they are where a token travels when
 * it is not in a header: RFC 6750's `access_token` query parameter, an OAuth fragment, a signed URL's
 * signature. The message still shows that there is one, which is what it refuses.
 */
export function shownBaseUrl(url: string): string {
  // An "@" only in the query or fragment is no user name's or password's to the URL parser, whose
  // authority (and so its userinfo) ends at the first "/", "?" or "#": masking everything before the
  // last "@" hid the host and showed the query's text after it (`http://host/?q=a@b` as
  // `http://***@b`; `?access_token=a@puffle_live_t0ken` showed the token's end). The part before
  // the "?" or "#" is now shown as the parser reads it, the query's text as `***`; unless a password
  // may have ended early in it, which the parser then read as a port (its digits: the authority has
  // a ":" after the host, `http://deploy:12?s3cret@host`, `http://deploy:12/x?s3cret@host`) or it is
  // no URL: nothing of it is shown then.
  //
  // A password may hold "?", "#" and "@" alike (`http://deploy:p@ss?w@host`, the password `p@ss?w`):
  // with an "@" in the query or fragment and another before it, or a ":" anywhere before it (not an
  // IPv6 address's), the user name and password may run up to that "@", and nothing before the "?"
  // or "#" is shown either (the host the parser reads there may be the password's text).
  const tail = url.search(/[?#]/);
  if (tail === -1) return withoutCredentials(url);
  const head = url.slice(0, tail);
  const rest = url.slice(tail).replace(/([?#])[^#]+/g, "$1***");
  if (!hasAt(url, tail)) return `${withoutCredentials(head)}${rest}`;
  const parts = /^([a-z][a-z0-9+.-]*:)\/\/([\s\S]*)$/i.exec(head);
  if (parts === null) return `***${rest}`;
  if (hasAt(head) || parts[2]!.replace(/^\[[^\]]*\]/, "").includes(":")) return `${parts[1]}//***${rest}`;
  return `${head}${rest}`;
}

/**
 * The rule a base URL holding an `@` (or a `＠`/`﹫` typed for one: AT) anywhere breaks, `got` it as `quote` quotes `shownBaseUrl`'s
 * text; undefined without one. The client's `baseUrl` and the CLI's `--base-url` and
 * `PUFFLE_BASE_URL` (through the client's check) refuse such a URL: a password holding a `/`
 * (`http://deploy:2024/s3cret@host`) is no password to the URL parser but the host `deploy`, the
 * port 2024 and the path `/s3cret@host`, which the other checks let through, so the request went
 * to the host `deploy` with the password in its path (and the CLI's --dry-run printed it). An `@`
 * in a path is written `%40`.
 */
export function atInBaseUrlRule(url: string, quote: (text: string) => string): string | undefined {
  const found = AT.exec(url);
  if (found === null) return undefined;
  // A "＠" or "﹫" typed for an "@" is refused as one: `http://deploy:2024/s3cret＠host` went to the
  // host `deploy` with the password in its path, as the ASCII one did (the masking reads it as an "@").
  // Its own escape is named too: %40 would change the path of a URL whose "＠" belongs in it.
  const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase()}`;
  const what = found[0] === "@" ? `an "@"` : `an "@" or a character typed for one (${code})`;
  const escape = found[0] === "@" ? "" : ` (${code} ${encodeURIComponent(found[0])})`;
  return `must not hold ${what}, got ${quote(shownBaseUrl(url))}: no user name or password goes in it (one whose password holds a "/" or "?" reads as another host, a port and a path; the token goes in apiKey), and an "@" in a path is written %40${escape}`;
}
