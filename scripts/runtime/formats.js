// Format checks for generated/validators.js, so that the validators need no ajv-formats at run time.
// Ported from ajv-formats 3 ("full" mode, MIT licence, (c) Evgeny Poberezkin): every format that
// ajv-formats defines as a function or as { type, validate }; AJV inlines RegExp formats itself and
// ignores `true` ones (password, binary). test/unit/runtime-formats.test.ts checks that every
// verdict equals ajv-formats' own.
//
// Layout (scripts/lib/formats-source.mjs relies on it): top-level declarations separated by blank
// lines, then `export const formats = {…}`, one entry a line. Only the entries a spec uses, and the
// declarations they reach, are inlined into generated/validators.js.

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;

const DATE_TIME_SEPARATOR = /t|\s/i;

const NOT_URI_FRAGMENT = /\/|:/;

const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;

const Z_ANCHOR = /[^\\]\\Z/;

function isLeapYear(year) {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function fullDate(str) {
  const m = DATE.exec(str);
  if (!m) return false;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
}

// RFC 3339 full-time; `lenient`: the time zone may be left out (iso-time).
function fullTime(str, lenient) {
  const m = TIME.exec(str);
  if (!m) return false;
  const hr = +m[1];
  const min = +m[2];
  const sec = +m[3];
  const tz = m[4];
  const tzSign = m[5] === "-" ? -1 : 1;
  const tzH = +(m[6] || 0);
  const tzM = +(m[7] || 0);
  if (tzH > 23 || tzM > 59 || (!lenient && !tz)) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

function isoTime(str) {
  return fullTime(str, true);
}

// Two ASCII digits at i as a number, or -1.
function twoDigits(str, i) {
  const a = str.charCodeAt(i) - 48;
  const b = str.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

// The common date-time shape (YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM), every field in range, no leap
// second) read by character codes. It only ever answers true where the general check below would
// (test/unit/date-time-fast.test.ts); anything else goes to the general check.
function plainDateTime(str) {
  const n = str.length;
  if (n < 20 || str.charCodeAt(4) !== 45 || str.charCodeAt(7) !== 45 || (str.charCodeAt(10) | 32) !== 116 || str.charCodeAt(13) !== 58 || str.charCodeAt(16) !== 58) return false;
  const y1 = twoDigits(str, 0);
  const y2 = twoDigits(str, 2);
  const month = twoDigits(str, 5);
  const day = twoDigits(str, 8);
  const hr = twoDigits(str, 11);
  const min = twoDigits(str, 14);
  const sec = twoDigits(str, 17);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1 || hr < 0 || hr > 23 || min < 0 || min > 59 || sec < 0 || sec > 59) return false;
  if (day > (month === 2 && isLeapYear(y1 * 100 + y2) ? 29 : DAYS[month])) return false;
  let i = 19;
  if (str.charCodeAt(i) === 46) {
    i++;
    const start = i;
    while (i < n && str.charCodeAt(i) >= 48 && str.charCodeAt(i) <= 57) i++;
    if (i === start) return false;
  }
  const c = str.charCodeAt(i);
  if ((c | 32) === 122) return i + 1 === n;
  if ((c === 43 || c === 45) && i + 6 === n && str.charCodeAt(i + 3) === 58) {
    const tzH = twoDigits(str, i + 1);
    const tzM = twoDigits(str, i + 4);
    return tzH >= 0 && tzH <= 23 && tzM >= 0 && tzM <= 59;
  }
  return false;
}

function dateTime(str) {
  if (plainDateTime(str)) return true;
  const parts = str.split(DATE_TIME_SEPARATOR);
  return parts.length === 2 && fullDate(parts[0]) && fullTime(parts[1]);
}

function isoDateTime(str) {
  const parts = str.split(DATE_TIME_SEPARATOR);
  return parts.length === 2 && fullDate(parts[0]) && isoTime(parts[1]);
}

// The common URI shape — scheme://host[:port][/path][?query][#fragment], without userinfo,
// percent-escapes or an IP literal: ajv-formats' URI regex down to one path through it, which V8
// runs ~3× faster. It only ever accepts what that regex accepts (test/unit/uri-fast.test.ts);
// anything else goes to the general check.
const PLAIN_URI = /^[a-z][a-z\d+.-]*:\/\/[\w.~!$&'()*+,;=-]*(?::\d*)?(?:\/[\w.~!$&'()*+,;=:@-]*)*(?:\?[\w.~!$&'()*+,;=:@/?-]*)?(?:#[\w.~!$&'()*+,;=:@/?-]*)?$/i;

function uri(str) {
  return PLAIN_URI.test(str) || (NOT_URI_FRAGMENT.test(str) && URI.test(str));
}

function byte(str) {
  BYTE.lastIndex = 0;
  return BYTE.test(str);
}

function regex(str) {
  if (Z_ANCHOR.test(str)) return false;
  try {
    new RegExp(str);
    return true;
  } catch {
    return false;
  }
}

function int32(value) {
  return Number.isInteger(value) && value <= 2147483647 && value >= -2147483648;
}

function int64(value) {
  return Number.isInteger(value);
}

function anyNumber() {
  return true;
}

export const formats = {
  date: fullDate,
  time: fullTime,
  "date-time": dateTime,
  "iso-time": isoTime,
  "iso-date-time": isoDateTime,
  uri: uri,
  regex: regex,
  byte: byte,
  int32: { type: "number", validate: int32 },
  int64: { type: "number", validate: int64 },
  float: { type: "number", validate: anyNumber },
  double: { type: "number", validate: anyNumber },
};
