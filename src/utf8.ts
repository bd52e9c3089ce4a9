// Text files a user hands over (a `--data` seed, a CLI `@file`) decoded strictly: bytes that are not
// UTF-8 (a Latin-1 "é", a UTF-16 file) would otherwise be read as U+FFFD and sent or served so.

const UTF8_STRICT = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true });

/**
 * `bytes` as text, without a leading byte order mark (Windows editors, PowerShell's Out-File: not
 * part of the JSON); undefined when they are not UTF-8.
 */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return UTF8_STRICT.decode(bytes);
  } catch {
    return undefined;
  }
}
