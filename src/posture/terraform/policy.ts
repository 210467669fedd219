/**
 * IAM policy statements as the checks see them, from a JSON policy attribute (heredoc, `jsonencode`,
 * or `data.aws_iam_policy_document.x.json`) or from the `statement` blocks of a policy document.
 */
import type { TfAttribute, TfBlock, TfModule, TfValue } from '../../documents/terraform/index.js';
import { nested } from '../../documents/terraform/blocks.js';

export interface Statement {
  effect: string;
  actions: string[];
  notActions: boolean;
  resources: string[];
  principalStar: boolean;
  hasCondition: boolean;
  line: number;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

export function policyStatements(mod: TfModule, attr: TfAttribute | undefined): Statement[] {
  if (!attr) return [];
  // A policy document data source referenced as `.json`.
  for (const a of mod.references(attr)) {
    const target = mod.get(a);
    if (target?.type === 'aws_iam_policy_document') return documentStatements(mod, target.block);
  }
  const v = mod.value(attr);
  if (typeof v !== 'string' || v.length > 200_000) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(v);
  } catch {
    return [];
  }
  const raw = (doc as { Statement?: unknown })?.Statement;
  const stmts = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return stmts.filter((s): s is Record<string, unknown> => !!s && typeof s === 'object').map((s) => {
    const p = s.Principal;
    const principalStar = p === '*' || (!!p && typeof p === 'object' && list((p as Record<string, unknown>).AWS).includes('*'));
    return {
      effect: typeof s.Effect === 'string' ? s.Effect : 'Allow',
      actions: list(s.Action ?? s.NotAction),
      notActions: s.NotAction !== undefined && s.Action === undefined,
      resources: list(s.Resource),
      principalStar,
      hasCondition: !!s.Condition && typeof s.Condition === 'object' && Object.keys(s.Condition).length > 0,
      line: attr.line,
    };
  });
}

/** Statements of an `aws_iam_policy_document` data source (`statement` blocks, with their lines). */
export function documentStatements(mod: TfModule, block: TfBlock): Statement[] {
  return nested(block, 'statement').map((s) => {
    const val = (k: string): TfValue | undefined => mod.value(s.attributes[k]);
    const principals = nested(s, 'principals');
    const principalStar = principals.some((p) => list(mod.value(p.attributes.identifiers)).includes('*') && ['*', 'AWS'].includes(String(mod.value(p.attributes.type))));
    return {
      effect: typeof val('effect') === 'string' ? (val('effect') as string) : 'Allow',
      actions: list(val('actions') ?? val('not_actions')),
      notActions: s.attributes.not_actions !== undefined && s.attributes.actions === undefined,
      resources: list(val('resources')),
      principalStar,
      hasCondition: nested(s, 'condition').length > 0,
      line: s.line,
    };
  });
}

/** True when an action pattern (IAM, case-insensitive, `*` and `?` wildcards) grants `action`. */
export function grants(pattern: string, action: string): boolean {
  return wildcardMatch(pattern.toLowerCase(), action.toLowerCase());
}

/**
 * Glob match with `*` (any run) and `?` (one character), in O(pattern × text) steps at worst and no
 * backtracking blow-up: a pattern from the scanned file (`*a*a*a*…b`) must not turn into a regular
 * expression that takes seconds per attempt.
 */
export function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
