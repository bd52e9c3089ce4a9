// String length in Unicode code points, as JSON Schema counts it (a surrogate pair is one
// character): ajv 8's lib/runtime/ucs2length.ts (MIT, (c) Evgeny Poberezkin; the notice is at the top of
// generated/validators.js). Inlined into generated/validators.js in place of ajv/dist/runtime/ucs2length.
export function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}
