// Renames the module-level names of an AJV standalone output (validateN, schemaN, formatsN,
// patternN, funcN, wrapperN…: the prefixes AJV gives scope values) by appending a suffix, so that
// two outputs of the same AJV instance — which name the same schema's function alike — can share
// one module scope. Strings and property names (`data.validate1`, `"/validate1"`) are left as they
// are; the one kind of regex literal AJV's output holds, a format's `var formatsN = /…/flags;`
// line, is matched whole.

const PREFIXES = "(?:validate|schema|formats|pattern|func|wrapper|root|keyword|Error|parse|serialize)";
const SCOPE_NAME = new RegExp(`^${PREFIXES}\\d+$`);
/**
 * One pass over the code, leftmost match first: a format's regex line (its name renamed), a string
 * literal (left alone), a property access of such a name (left alone), or the name itself.
 */
const PASS = new RegExp(
  [
    String.raw`^var (formats\d+) = \/.*\/[a-z]*;$`,
    String.raw`"(?:[^"\\\n]|\\.)*"`,
    String.raw`'(?:[^'\\\n]|\\.)*'`,
    String.raw`\`(?:[^\`\\]|\\.)*\``,
    String.raw`\.[ \t]*${PREFIXES}\d+(?![\w$])`,
    String.raw`(?<![\w$])(${PREFIXES}\d+)(?![\w$])`,
  ].join("|"),
  "gm",
);

/** `code` with every AJV scope name `n` renamed to `n + suffix`. */
export function renameScopeNames(code, suffix) {
  return code.replace(PASS, (token, formatVar, name) => {
    if (formatVar) return `var ${formatVar}${suffix}${token.slice(4 + formatVar.length)}`;
    return name ? `${name}${suffix}` : token;
  });
}

/**
 * The AJV scope names declared at the start of a line (`function validateN(`, `var patternN =`);
 * with `vars`, only those declared with `var`.
 */
export function declaredScopeNames(code, { vars = false } = {}) {
  const names = [];
  for (const m of code.matchAll(vars ? /^var ([A-Za-z_$][\w$]*) = ()/gm : /^(?:function ([A-Za-z_$][\w$]*)\(|var ([A-Za-z_$][\w$]*) = )/gm)) {
    const name = m[1] ?? m[2];
    if (SCOPE_NAME.test(name)) names.push(name);
  }
  return names;
}
