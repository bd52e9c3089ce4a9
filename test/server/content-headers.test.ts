// The Content-Type parameter and Content-Encoding parsing behind the server's 415 for a body it would
// misread (check 4 of docs/server.md); the HTTP side is in robustness.test.ts.
import { describe, expect, it } from "vitest";
import { contentCodings, isJsonType, mediaTypeParameters, transferCodings, unsupportedCharset } from "../../src/server/content-headers.js";

describe("isJsonType", () => {
  it.each([
    ["application/json", true],
    ["Application/JSON", true],
    ["application/json; charset=utf-8", true],
    [" application/json ;x=1", true],
    ["application/jsonx", false],
    ["application/json-patch+json", false],
    ["text/plain; x=application/json", false],
    ["", false],
  ])("%j: %s", (header, expected) => {
    expect(isJsonType(header)).toBe(expected);
  });
});

describe("mediaTypeParameters", () => {
  const cases: [string, [string, string][]][] = [
    ["application/json", []],
    ["application/json;", []],
    ["application/json; charset=utf-8", [["charset", "utf-8"]]],
    ["application/json;CharSet=UTF-8;q=1", [["charset", "UTF-8"], ["q", "1"]]],
    ['application/json; charset="utf-8"', [["charset", "utf-8"]]],
    ['application/json; a="x;charset=utf-16"; b=2', [["a", "x;charset=utf-16"], ["b", "2"]]],
    ['application/json; a="say \\"hi\\""', [["a", 'say "hi"']]],
    ["application/json; flag; charset=utf-16", [["charset", "utf-16"]]],
    ["application/json; charset = latin1 ", [["charset", "latin1"]]],
    ["application/json; charset=", [["charset", ""]]],
    ['application/json; charset="utf-16', [["charset", "utf-16"]]],
    ["application/json; flag", []],
    ["application/json; =x; b=2", [["b", "2"]]],
    ['application/json; charset= "utf-8"', [["charset", "utf-8"]]],
    ['application/json; charset=\t"utf-8"', [["charset", "utf-8"]]],
    ['application/json; a="x"junk=1; b=2', [["a", "x"], ["b", "2"]]],
    ['application/json; a="x\\', [["a", "x\\"]]],
  ];
  it.each(cases)("%s", (header, expected) => {
    expect(mediaTypeParameters(header)).toEqual(expected);
  });
});

describe("unsupportedCharset", () => {
  it.each([["application/json"], ["application/json; charset=utf-8"], ['application/json; charset="UTF-8"'], ["application/json; version=2"], ["application/json; charset=utf8"], ["application/json; charset=UTF8"], ["application/json; charset=unicode-1-1-utf-8"], ["application/json; charset=unicode11utf8"], ["application/json; charset=unicode20utf8"], ["application/json; charset=X-Unicode20UTF8"], ["application/json; charset"], ['application/json; charset= "utf-8"']])("%s: none", (header) => {
    expect(unsupportedCharset(header)).toBeUndefined();
  });
  it.each([
    ["application/json; charset=utf-16", "utf-16"],
    ["application/json; charset=utf_8", "utf_8"],
    ["application/json; charset=utf-8x", "utf-8x"],
    ["application/json; charset=utf-8; charset=iso-8859-1", "iso-8859-1"],
  ])("%s: %s", (header, charset) => {
    expect(unsupportedCharset(header)).toBe(charset);
  });
});

describe("contentCodings", () => {
  it.each([
    [undefined, []],
    ["", []],
    ["identity", []],
    [" Identity , ", []],
    ["gzip", ["gzip"]],
    ["identity, br", ["br"]],
    ["gzip,deflate", ["gzip", "deflate"]],
    ["chunked", ["chunked"]],
  ] as [string | undefined, string[]][])("%s", (header, codings) => {
    expect(contentCodings(header)).toEqual(codings);
  });
});

describe("transferCodings", () => {
  it.each([
    [undefined, []],
    ["chunked", []],
    ["identity, Chunked", []],
    [" , chunked", []],
    ["gzip, chunked", ["gzip"]],
    ["GZIP , x-custom, chunked", ["GZIP", "x-custom"]],
  ] as [string | undefined, string[]][])("%s", (header, codings) => {
    expect(transferCodings(header)).toEqual(codings);
  });
});
