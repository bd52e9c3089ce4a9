// The `puffle-api/schema` entry at run time. Its types are generated/schema.d.ts (the export's `types`
// condition); this module has no values. It exists so that an import the compiler keeps, such as
// `import { type paths } from "puffle-api/schema"` under `verbatimModuleSyntax` (emitted as
// `import {} from "puffle-api/schema"`), loads instead of failing with ERR_PACKAGE_PATH_NOT_EXPORTED.
export {};
