// openapi-typescript makes every response header given by `$ref` a required member of `headers`;
// scripts/lib/types.mjs makes it optional unless the header component says `required: true`, and
// leaves inline headers (which openapi-typescript already gets right) and everything else alone.
import { describe, expect, it } from "vitest";
// @ts-expect-error a JavaScript module of the pipeline, without declarations
import { buildTypes } from "../../scripts/lib/types.mjs";

const header = (prefix: string) => `${prefix} test`;

/** A one-operation document whose 200 has the given headers, with `components.headers`. */
function doc(headers: Record<string, unknown>, components: Record<string, unknown>) {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1.0.0" },
    paths: {
      "/x": {
        get: {
          operationId: "getX",
          responses: { 200: { description: "ok", headers, content: { "application/json": { schema: { type: "string" } } } } },
        },
      },
    },
    components: { headers: components },
  };
}

const schema = { schema: { type: "string" } };

describe("response headers given by $ref", () => {
  const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
  it.each([
    ["required absent: optional", ref("H"), { H: { ...schema } }, `"X-H"?: components["headers"]["H"];`],
    ["required: false: optional", ref("H"), { H: { required: false, ...schema } }, `"X-H"?: components["headers"]["H"];`],
    ["required: true: required", ref("H"), { H: { required: true, ...schema } }, `"X-H": components["headers"]["H"];`],
    ["to a component that is a $ref to an optional one: optional", ref("A"), { A: ref("H"), H: { ...schema } }, `"X-H"?: components["headers"]["A"];`],
    ["to a component that is a $ref to a required one: required", ref("A"), { A: ref("H"), H: { required: true, ...schema } }, `"X-H": components["headers"]["A"];`],
    ["inline, required absent: optional (as openapi-typescript writes it)", { ...schema }, { H: { ...schema } }, `"X-H"?: string;`],
    ["inline, required: true: required", { required: true, ...schema }, { H: { ...schema } }, `"X-H": string;`],
  ])("%s", async (_name, given, components, member) => {
    const text: string = await buildTypes(doc({ "X-H": given }, components), { header });
    expect(text).toContain(member);
    // The components themselves are written as before: no member of components.headers is made optional.
    const written = text.slice(text.indexOf("    headers: {"), text.indexOf("    pathItems:"));
    expect(written).toContain("H: string;");
    expect(written).not.toContain("?:");
  });

  // Its member would be typed with another indexed access than components["headers"][name], so left required.
  const R = { description: "r", headers: { "X-H": { ...schema } } };
  it.each([
    ["in an operation's response, to a response component's header", { "X-H": { $ref: "#/components/responses/R/headers/X-H" } }, { R }, "paths./x.get.responses.200.headers.X-H: a response header's $ref must name #/components/headers/<name> (got #/components/responses/R/headers/X-H)"],
    ["in an operation's response, to below a header component", { "X-H": { $ref: "#/components/headers/H/schema" } }, { R }, "paths./x.get.responses.200.headers.X-H: a response header's $ref must name #/components/headers/<name> (got #/components/headers/H/schema)"],
    ["in a response component", { "X-H": { ...schema } }, { R, S: { description: "s", headers: { "X-H": { $ref: "#/components/responses/R/headers/X-H" } } } }, "components.responses.S.headers.X-H: a response header's $ref must name #/components/headers/<name> (got #/components/responses/R/headers/X-H)"],
  ])("refuses a $ref to anything but #/components/headers/<name> %s, naming where", async (_name, headers, responses, message) => {
    const bad = doc(headers, { H: { ...schema } });
    Object.assign(bad.components, { responses });
    await expect(buildTypes(bad, { header })).rejects.toThrow(message);
  });
});
