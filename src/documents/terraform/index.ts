export { terraformKind, MAX_TF_BYTES } from './kind.js';
export { TfModule, traversals, type TfResource } from './module.js';
export { nested, nestedPath } from './blocks.js';
export { loadTerraformGrammar, parseTerraform } from './parse.js';
export type { TfAttribute, TfBlock, TfDocument, TfExpr, TfValue } from './types.js';
