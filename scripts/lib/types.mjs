// Builds generated/schema.d.ts with openapi-typescript from the bundled document.
//
// openapi-typescript is loaded through its CommonJS build (`require`), which requires TypeScript.
// Its ES module build imports TypeScript — a 9 MB CommonJS file without a package "type" — through
// Node's ES module loader, which first parses the whole file to find out whether it is an ES module,
// then scans it again for its named exports: about 0.6 s more, on the types worker's critical path
// in a cold `npm run generate`. Same package, version and output either way. Where Node cannot
// require() the ES-only packages that build requires (before 20.19, or with
// --no-experimental-require-module: ERR_REQUIRE_ESM; ERR_REQUIRE_ASYNC_MODULE should one of them
// ever use top-level await), the ES module build is imported as before.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

async function loadOpenapiTS() {
  try {
    return require("openapi-typescript");
  } catch (err) {
    if (err?.code !== "ERR_REQUIRE_ESM" && err?.code !== "ERR_REQUIRE_ASYNC_MODULE") throw err;
    return import("openapi-typescript");
  }
}

const { default: openapiTS, astToString } = await loadOpenapiTS();
// The TypeScript openapi-typescript builds its nodes with (it requires it; one copy in node_modules).
const ts = require("typescript");

export async function buildTypes(doc, { header }) {
  checkHeaderRefs(doc);
  const ast = await openapiTS(structuredClone(doc), {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    silent: true,
  });
  return `${header("//")}\n${astToString(namedRootTypes(optionalHeaderRefs(ast, doc)))}`;
}

/**
 * openapi-typescript's root types (`rootTypes`) are aliases of an indexed access,
 * `export type Thread = components['schemas']['Thread']`: an alias that names a type made elsewhere
 * gives it no name, so TypeScript shows the structure instead, in an editor's hover
 * (`const thread: { account_id?: …; … } & { … } & { … }`, `const conversation: WithRequired<{ … 13
 * members … }, "id" | ... 11 more ... | "updated_at">`) and in compiler messages (`'staus' does not
 * exist in type '{ account_id?: …; ... 6 more ...; }'`). Each schema's root type is written here as
 * the schema's own type (the same nodes as `components.schemas[name]`, with its description), a type
 * of that name: `const thread: Thread`, `'staus' does not exist in type 'UpdateThreadRequest'`. It
 * is the same type to TypeScript (identical, as `expectTypeOf(…).toEqualTypeOf` compares:
 * test/types/type-names.test.ts), assignable both ways, still an object type where it was one.
 */
function namedRootTypes(ast) {
  const schemas = new Map();
  for (const node of ast) {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== "components") continue;
    const section = node.members.find((m) => ts.isPropertySignature(m) && m.name && ts.isIdentifier(m.name) && m.name.text === "schemas");
    if (!section?.type || !ts.isTypeLiteralNode(section.type)) continue;
    for (const member of section.type.members) {
      if (!ts.isPropertySignature(member) || !member.type || member.questionToken) continue;
      const name = ts.isIdentifier(member.name) ? member.name.text : ts.isStringLiteral(member.name) ? member.name.text : undefined;
      if (name !== undefined) schemas.set(name, member);
    }
  }
  /**
   * The schema a root type names, or undefined. openapi-typescript (7.x, src/transform/index.ts)
   * writes `components['schemas']['Thread']` as one identifier of that text, not an indexed access.
   */
  const schemaOf = (type) => {
    if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || type.typeArguments) return undefined;
    const match = /^components\['schemas'\]\['([^'\\]+)'\]$/.exec(type.typeName.text);
    return match ? schemas.get(match[1]) : undefined;
  };
  return ast.map((node) => {
    if (!ts.isTypeAliasDeclaration(node) || node.typeParameters) return node;
    const schema = schemaOf(node.type);
    if (schema === undefined) return node;
    const alias = ts.factory.updateTypeAliasDeclaration(node, node.modifiers, node.name, node.typeParameters, schema.type);
    const description = ts.getSyntheticLeadingComments(schema);
    return description ? ts.setSyntheticLeadingComments(alias, description) : alias;
  });
}

/** `components["headers"][name]`'s name, or undefined for any other type. */
function headerComponentName(type) {
  if (!ts.isIndexedAccessTypeNode(type) || !ts.isIndexedAccessTypeNode(type.objectType)) return undefined;
  const { objectType: root, indexType: section } = type.objectType;
  const literal = (node) => (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? node.literal.text : undefined);
  if (!ts.isTypeReferenceNode(root) || !ts.isIdentifier(root.typeName) || root.typeName.text !== "components") return undefined;
  if (literal(section) !== "headers") return undefined;
  return literal(type.indexType);
}

/**
 * openapi-typescript (7.x, src/transform/response-object.ts) writes a response header given by
 * `$ref` as a required member of the response's `headers` whatever the Header Object says (it does
 * not resolve the reference; it does for parameters): `"X-Request-Id": components["headers"]["XRequestId"]`
 * although that header is `required: false`. Here each such member — in a response's `headers`
 * type, typed `components["headers"][name]` — is made optional (`?:`) unless
 * `components.headers[name].required` is `true`; the reference itself, and every other node, is
 * kept. A response header `$ref` to anywhere but `#/components/headers/…` (the bundler writes none)
 * is refused, since its member could not be told apart from a required one.
 */
function optionalHeaderRefs(ast, doc) {
  const components = doc.components?.headers ?? {};
  const isOptional = (name, seen = new Set()) => {
    const target = Object.hasOwn(components, name) ? components[name] : undefined;
    if (target === undefined || seen.has(name)) throw new Error(`components.headers.${name}: not a Header Object`);
    seen.add(name);
    const next = typeof target.$ref === "string" ? /^#\/components\/headers\/([^/]+)$/.exec(target.$ref) : null;
    if (next) return isOptional(decodeURIComponent(next[1]).replaceAll("~1", "/").replaceAll("~0", "~"), seen);
    if ("$ref" in target) throw new Error(`components.headers.${name}: a $ref must name #/components/headers/<name> (got ${target.$ref})`);
    return target.required !== true;
  };
  // A member of a response's `headers` type (its headers, then `[name: string]: unknown`).
  const optionalized = (member) => {
    if (!ts.isPropertySignature(member) || !member.type || member.questionToken) return member;
    const name = headerComponentName(member.type);
    if (name === undefined || !isOptional(name)) return member;
    const question = ts.factory.createToken(ts.SyntaxKind.QuestionToken);
    return ts.factory.updatePropertySignature(member, member.modifiers, member.name, question, member.type);
  };
  const transformer = (context) => {
    const visit = (node) => {
      if (
        ts.isPropertySignature(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === "headers" &&
        node.type &&
        ts.isTypeLiteralNode(node.type) &&
        // a response's (components.headers has no index signature)
        node.type.members.some((member) => ts.isIndexSignatureDeclaration(member))
      ) {
        const members = ts.factory.createNodeArray(node.type.members.map(optionalized));
        const type = ts.factory.updateTypeLiteralNode(node.type, members);
        return ts.factory.updatePropertySignature(node, node.modifiers, node.name, node.questionToken, type);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return visit;
  };
  const result = ts.transform(ast, [transformer]);
  const out = result.transformed;
  result.dispose();
  return out;
}

/** A response header `$ref` must name `#/components/headers/<name>`: optionalHeaderRefs sees no other. */
function checkHeaderRefs(doc) {
  for (const [where, header] of responseHeaders(doc)) {
    if ("$ref" in header && !/^#\/components\/headers\/[^/]+$/.test(header.$ref)) {
      throw new Error(`${where}: a response header's $ref must name #/components/headers/<name> (got ${header.$ref})`);
    }
  }
}

/** Every response header of the document: [where, Header Object or Reference Object]. */
function* responseHeaders(doc) {
  const ofResponse = function* (where, response) {
    for (const [name, header] of Object.entries(response?.headers ?? {})) yield [`${where}.headers.${name}`, header];
  };
  for (const [name, response] of Object.entries(doc.components?.responses ?? {})) yield* ofResponse(`components.responses.${name}`, response);
  for (const [route, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {})) {
      for (const [status, response] of Object.entries(op?.responses ?? {})) yield* ofResponse(`paths.${route}.${method}.responses.${status}`, response);
    }
  }
}
