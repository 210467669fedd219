/**
 * The typed Terraform document: what the tree-sitter parse of one `.tf` / `.tfvars` file keeps once
 * the WASM tree is freed. Expressions stay symbolic (so that `var.x` and `local.y` resolve against the
 * module view later) and every block and attribute carries its lines.
 */

/** A statically known value; unknown parts are kept as `${<expression text>}` strings (like hcl2json). */
export type TfValue = string | number | boolean | null | TfValue[] | { [key: string]: TfValue };

/** A compact expression tree, enough to evaluate literals, templates, collections and references. */
export type TfExpr =
  | { t: 'lit'; v: string | number | boolean | null }
  | { t: 'tpl'; parts: (string | TfExpr)[] }
  | { t: 'tuple'; items: TfExpr[] }
  | { t: 'object'; entries: { key: string | TfExpr; value: TfExpr }[] }
  /** A traversal: `var.x`, `aws_iam_role.x.arn`, `each.value` (indexes and splats dropped). */
  | { t: 'ref'; path: string[]; text: string }
  | { t: 'call'; name: string; args: TfExpr[]; text: string }
  /** Anything else (conditionals, operations, for expressions): its text and the references inside. */
  | { t: 'other'; text: string; refs: string[][] };

export interface TfAttribute {
  name: string;
  line: number;
  endLine: number;
  expr: TfExpr;
}

export interface TfBlock {
  /** `resource`, `data`, `variable`, `locals`, `module`, a nested block name, or `dynamic`. */
  type: string;
  labels: string[];
  line: number;
  endLine: number;
  attributes: Record<string, TfAttribute>;
  blocks: TfBlock[];
}

export interface TfDocument {
  path: string;
  /** Top-level attributes (a `.tfvars` file). */
  attributes: Record<string, TfAttribute>;
  blocks: TfBlock[];
}
