// Renames the module-level names of an AJV standalone output (validateN, schemaN, formatsN,
// patternN, funcN, wrapperN…: the prefixes AJV gives scope values) by appending a suffix, so that
// two outputs of the same AJV instance — which name the same schema's function alike — can share
// one module scope. Strings and property names (`data.validate1`, `"/validate1"`) are left as they
// are; the one kind of regex literal AJV's output holds, a format's `var formatsN = /…/flags;`
// line, is matched whole.

const PREFIXES = "(?:validate|schema|formats|pattern|func|wrapper|root|keyword|Error|parse|serialize)";
const SCOPE_NAME = new RegExp(`^${PREFIXES}\\d+$`);
/**
 * What the scan stops at: a quote (a string literal may start), a format's regex line, or a scope
 * name that is not a property (`data.validate1`: AJV writes no space after a dot).
 */
const NEXT = new RegExp(String.raw`["'\`]|^var formats\d+ = \/.*\/[a-z]*;$|(?<![\w$.])${PREFIXES}\d+(?![\w$])`, "gm");

/** Where the string literal opened by the quote at `start` ends (past its closing quote), or -1 if it does not close. */
function stringEnd(code, start) {
  const quote = code[start];
  let i = start + 1;
  for (;;) {
    const close = code.indexOf(quote, i);
    if (close === -1) return -1;
    // "…" and '…' do not span lines: a quote with a line break before its match opens no string.
    if (quote !== "`") {
      const newline = code.indexOf("\n", i);
      if (newline !== -1 && newline < close) return -1;
    }
    let backslashes = 0;
    for (let j = close - 1; code.charCodeAt(j) === 92; j--) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    i = close + 1;
  }
}

/**
 * `code` with every AJV scope name `n` renamed to `n + suffix`. One scan (a callback per match
 * would cost ~1.3 s on GitHub's 41 MB of validators; this takes ~0.1 s).
 */
export function renameScopeNames(code, suffix) {
  const parts = [];
  let from = 0;
  NEXT.lastIndex = 0;
  for (let m = NEXT.exec(code); m !== null; m = NEXT.exec(code)) {
    const token = m[0];
    const c = token.charCodeAt(0);
    if (c === 34 || c === 39 || c === 96) {
      const end = stringEnd(code, m.index);
      if (end !== -1) NEXT.lastIndex = end;
      continue;
    }
    // `var formatsN = /…/flags;`: the name only (the regex may hold quotes and names alike).
    const nameEnd = m.index + (token.startsWith("var ") ? token.indexOf(" ", 4) : token.length);
    parts.push(code.slice(from, nameEnd), suffix);
    from = nameEnd;
  }
  parts.push(code.slice(from));
  return parts.join("");
}

/** The AJV scope names a line declares with `var` (`var patternN = …`): those a module may hold once only. */
export function declaredScopeNames(code) {
  const names = [];
  for (const m of code.matchAll(/^var ([A-Za-z_$][\w$]*) = /gm)) if (SCOPE_NAME.test(m[1])) names.push(m[1]);
  return names;
}
