// Base URLs shown in help and error text without the user name and password they may hold (the
// client and the CLI refuse such URLs; the password is never echoed).

/**
 * `url` with its user name and password (if any) shown as `***`; as given when it has none. Text
 * that is no http(s) URL (`u:pass@host`, which parses with the scheme `u:`) has everything before
 * its first `@` (up to a `//`) shown as `***`.
 */
export function withoutCredentials(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    return url.replace(/^((?:[^/@]*\/\/)?)[^/@]*@/, "$1***@");
  }
  if (parsed.username === "" && parsed.password === "") return url;
  if (parsed.username !== "") parsed.username = "***";
  if (parsed.password !== "") parsed.password = "***";
  return parsed.href;
}
